package iface

import (
	"errors"
	"os"
	"path"
	"time"

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
// modification times (a file created, removed or replaced by rename,
// as every careful writer does, changes its directory's) and the
// files' own times and sizes.
type stamp map[string]string

func (c *Conn) stamp() stamp {
	files, err := c.drv.Files()
	if err != nil {
		return nil
	}
	st := stamp{}
	seen := map[string]bool{}
	for _, f := range files {
		for _, p := range []string{f, path.Dir(f)} {
			if seen[p] {
				continue
			}
			seen[p] = true
			if fi, err := c.fs.Stat(p); err == nil {
				st[p] = fi.ModTime().Format(time.RFC3339Nano) + " " + fi.Mode().String() + " " + itoa(fi.Size())
			}
		}
	}
	return st
}

func itoa(n int64) string {
	b := []byte{}
	if n == 0 {
		return "0"
	}
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// refresh reads the files again when they changed since they were read.
func (c *Conn) refresh() error {
	now := c.stamp()
	if c.loaded != nil && equalStamps(now, c.loaded) {
		return nil
	}
	if c.loaded != nil {
		if err := c.drv.Reload(); err != nil {
			return c.backendErr(err)
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

// changing runs a change under the root's lock, and records how the
// files look after it.
func (c *Conn) changing(f func() error) error {
	unlock, err := c.lock()
	if err != nil {
		return err
	}
	defer unlock()
	err = f()
	c.loaded = c.stamp()
	return err
}
