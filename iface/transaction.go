package iface

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/lensnet/lensnet/iface/ifxml"
	"github.com/lensnet/lensnet/internal/files"
	"github.com/spf13/afero"
)

// A transaction (libvirt's virInterfaceChange*, netcf's
// change-begin/commit/rollback) is a snapshot of every file the backend
// manages, kept in the state directory under the root, so that it
// survives the process and a crash:
//
//	STATE/transaction/manifest     the files that existed at begin, one a line
//	STATE/transaction/files/PATH   their contents
//
// Begin writes it into STATE/transaction.new and renames that into
// place, so a transaction is there whole or not at all; commit removes
// it; rollback restores every file byte for byte, removes the managed
// files that did not exist at begin, and only then removes the
// snapshot, so a rollback cut short can be run again.

func (c *Conn) txDir() string { return path.Join(c.stateDir, "transaction") }

// InTransaction reports whether a transaction is open on the root.
func (c *Conn) InTransaction() bool {
	fi, err := c.fs.Stat(c.txDir())
	return err == nil && fi.IsDir()
}

// ChangeBegin opens a transaction: ErrInvalidState when one is open.
func (c *Conn) ChangeBegin() error {
	return c.changing(func() error {
		if c.InTransaction() {
			return fmt.Errorf("%w: a transaction is open already (commit or roll it back first)", ErrInvalidState)
		}
		tmp := c.txDir() + ".new"
		if err := c.fs.RemoveAll(tmp); err != nil {
			return err
		}
		list, err := c.drv.Files()
		if err != nil {
			return c.backendErr(err)
		}
		var manifest []string
		for _, p := range list {
			b, err := afero.ReadFile(c.fs, p)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return err
			}
			dst := path.Join(tmp, "files", p)
			if err := c.fs.MkdirAll(path.Dir(dst), 0o700); err != nil {
				return err
			}
			if err := afero.WriteFile(c.fs, dst, b, 0o600); err != nil {
				return err
			}
			manifest = append(manifest, p)
		}
		if err := afero.WriteFile(c.fs, path.Join(tmp, "manifest"), []byte(strings.Join(manifest, "\n")+"\n"), 0o600); err != nil {
			return err
		}
		if err := afero.WriteFile(c.fs, path.Join(tmp, "active"), []byte(strings.Join(c.activeNames(), "\n")+"\n"), 0o600); err != nil {
			return err
		}
		return c.fs.Rename(tmp, c.txDir())
	})
}

// ChangeCommit keeps the changes made since ChangeBegin and closes the
// transaction: ErrInvalidState when none is open.
func (c *Conn) ChangeCommit() error {
	return c.changing(func() error {
		if !c.InTransaction() {
			return fmt.Errorf("%w: no transaction is open", ErrInvalidState)
		}
		return c.fs.RemoveAll(c.txDir())
	})
}

// ChangeRollback puts every file the backend manages back as it was at
// ChangeBegin, byte for byte, and closes the transaction:
// ErrInvalidState when none is open. The interfaces whose configuration
// it changed back are brought back to their state at ChangeBegin: one
// that is up now is stopped (as its configuration then said), and one
// that was up at ChangeBegin is started again. It returns their names;
// a failed stop or start is an *ActivationError after the files are
// restored.
func (c *Conn) ChangeRollback() ([]string, error) {
	var changed []string
	var activation error
	err := c.changing(func() error {
		if !c.InTransaction() {
			return fmt.Errorf("%w: no transaction is open", ErrInvalidState)
		}
		b, err := afero.ReadFile(c.fs, path.Join(c.txDir(), "manifest"))
		if err != nil {
			return fmt.Errorf("transaction %s is damaged: %w", c.txDir(), err)
		}
		var manifest []string
		for _, l := range strings.Split(string(b), "\n") {
			if l != "" {
				manifest = append(manifest, l)
			}
		}
		before := c.snapshotXML()
		models := map[string]*ifxml.Interface{}
		for name := range before {
			if m, err := c.model(name); err == nil {
				models[name] = m
			}
		}
		wasActive := map[string]bool{}
		if b, err := afero.ReadFile(c.fs, path.Join(c.txDir(), "active")); err == nil {
			for _, n := range strings.Fields(string(b)) {
				wasActive[n] = true
			}
		}
		now, err := c.drv.Files()
		if err != nil {
			return c.backendErr(err)
		}
		for _, p := range manifest {
			old, err := afero.ReadFile(c.fs, path.Join(c.txDir(), "files", p))
			if err != nil {
				return fmt.Errorf("transaction %s is damaged: %w", c.txDir(), err)
			}
			cur, err := afero.ReadFile(c.fs, p)
			if err == nil && string(cur) == string(old) {
				continue
			}
			if err := c.fs.MkdirAll(path.Dir(p), 0o755); err != nil {
				return err
			}
			if err := files.WriteFile(c.fs, p, string(old), files.Overwrite); err != nil {
				return err
			}
		}
		for _, p := range now {
			if !slices.Contains(manifest, p) {
				if err := c.fs.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
					return err
				}
			}
		}
		if err := c.reload(); err != nil {
			return err
		}
		after := c.snapshotXML()
		for name, x := range after {
			if before[name] != x {
				changed = append(changed, name)
			}
		}
		for name := range before {
			if _, ok := after[name]; !ok {
				changed = append(changed, name)
			}
		}
		slices.Sort(changed)
		activation = c.reactivate(changed, models, wasActive)
		return c.fs.RemoveAll(c.txDir())
	})
	if err == nil {
		err = activation
	}
	return changed, err
}

// activeNames are the defined interfaces that are up now (none when
// the engine may not act here, see guard).
func (c *Conn) activeNames() []string {
	if _, ok := c.engine.(netlinkEngine); ok && c.guard() != nil {
		return nil
	}
	list, err := c.List(ListActive)
	if err != nil {
		return nil
	}
	var out []string
	for _, i := range list {
		out = append(out, i.name)
	}
	return out
}

// reactivate brings the interfaces a rollback changed back to their
// state at begin: stopped as they were configured before the rollback
// when they are up, started again when they were up at begin.
func (c *Conn) reactivate(changed []string, before map[string]*ifxml.Interface, wasActive map[string]bool) error {
	if _, ok := c.engine.(netlinkEngine); ok && c.guard() != nil {
		return nil
	}
	var errs []error
	for _, name := range changed {
		i := &Interface{c: c, name: name}
		if up, err := i.IsActive(); err == nil && up {
			m := before[name]
			if m == nil {
				m, _ = c.liveModel(name)
			}
			if m != nil {
				if err := c.activation(c.engine, "stop", m, c.engine.Stop); err != nil {
					errs = append(errs, err)
				}
			}
		}
		if wasActive[name] {
			if err := i.Start(); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// snapshotXML is every interface's configuration as XML (or its error).
func (c *Conn) snapshotXML() map[string]string {
	out := map[string]string{}
	names, _ := c.drv.List()
	for _, n := range names {
		m, err := c.model(n)
		if err != nil {
			out[n] = "error: " + err.Error()
			continue
		}
		b, _ := m.Marshal()
		out[n] = string(b)
	}
	return out
}
