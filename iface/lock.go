package iface

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/lensnet/lensnet"
	"golang.org/x/sys/unix"
)

// lock takes the root's lock, an flock'd file in the state directory,
// for one change: two processes changing one root take turns, and each
// reads the files again when another changed them since it read them.
// It returns the unlock. On a file system without descriptors (a
// memory one, in tests) there is nothing to lock.
func (c *Conn) lock() (func(), error) {
	if err := c.fs.MkdirAll(c.stateDir, 0o755); err != nil {
		return nil, err
	}
	f, err := c.fs.OpenFile(path.Join(c.stateDir, "lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	fd, ok := f.(interface{ Fd() uintptr })
	if !ok {
		_ = f.Close()
		return func() {}, c.refresh()
	}
	for {
		err = unix.Flock(int(fd.Fd()), unix.LOCK_EX)
		if !errors.Is(err, unix.EINTR) {
			break
		}
	}
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	unlock := func() { _ = f.Close() } // closing drops the lock
	if err := c.refresh(); err != nil {
		unlock()
		return nil, err
	}
	return unlock, nil
}

// stamp is what the managed directories looked like: their
// modification times. A file created, removed or replaced by rename,
// as lensnet and every careful writer do, changes its directory's; a
// file rewritten in place does not, but then a save of it finds it
// changed (lensnet.ErrChanged) and the change is made again on a fresh
// read (see changing).
type stamp map[string]string

func (c *Conn) stamp() stamp {
	if c.dirs == nil {
		files, err := c.drv.Files()
		if err != nil {
			return nil
		}
		seen := map[string]bool{}
		for _, f := range files {
			if d := path.Dir(f); !seen[d] {
				seen[d] = true
				c.dirs = append(c.dirs, d)
			}
		}
	}
	st := stamp{}
	// on the disk, one stat of the directory as the host sees it (the
	// root's confinement matters for reading and writing, not for a
	// modification time)
	host, onDisk := c.fs.(interface{ Dir() string })
	for _, d := range c.dirs {
		var fi os.FileInfo
		var err error
		if onDisk {
			fi, err = os.Stat(filepath.Join(host.Dir(), d))
		} else {
			fi, err = c.fs.Stat(d)
		}
		if err == nil {
			st[d] = fi.ModTime().Format(time.RFC3339Nano)
		}
	}
	return st
}

// refresh reads the files again when they changed since they were read.
func (c *Conn) refresh() error {
	now := c.stamp()
	if c.loaded != nil && equalStamps(now, c.loaded) {
		return nil
	}
	if c.loaded != nil {
		if err := c.reload(); err != nil {
			return err
		}
		now = c.stamp()
	}
	c.loaded = now
	return nil
}

func equalStamps(a, b stamp) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// fresh reads the files again, outside a change, when another process
// changed them since they were read: a Conn that stays open sees what
// the files say now (at the cost of a stat of their directories).
func (c *Conn) fresh() error {
	if c.inChange {
		return nil
	}
	return c.refresh()
}

// reload reads the files again, and which directories hold them.
func (c *Conn) reload() error {
	c.dirs = nil
	c.models, c.xmls = nil, nil
	if err := c.drv.Reload(); err != nil {
		return c.backendErr(err)
	}
	return nil
}

// changing runs a change under the root's lock, and records how the
// files look after it. A change whose save found a file changed on
// disk since it was read (and so wrote nothing of it) is made again on
// a fresh read, a few times at most.
func (c *Conn) changing(f func() error) error {
	unlock, err := c.lock()
	if err != nil {
		return err
	}
	defer unlock()
	c.inChange, c.models, c.xmls = true, nil, nil
	defer func() { c.inChange, c.models, c.xmls = false, nil, nil }()
	for try := 0; ; try++ {
		err = f()
		if !errors.Is(err, lensnet.ErrChanged) || try == 5 {
			break
		}
		if err := c.reload(); err != nil {
			return err
		}
	}
	c.loaded = c.stamp() // the same directories: a change makes no new ones
	return err
}
