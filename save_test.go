package lensnet

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/tree"
	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSaveOnlyChanged(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h := open(t, fsys, SaveOverwrite)
	require.NoError(t, h.Set("/files/etc/sysconfig/network-scripts/ifcfg-eth0/IPADDR", "10.0.0.5"))
	require.NoError(t, h.Set("/files/etc/sysconfig/network-scripts/ifcfg-eth0/MTU", "9000"))
	require.NoError(t, h.Save())
	b, _ := afero.ReadFile(fsys, "/etc/sysconfig/network-scripts/ifcfg-eth0")
	assert.Equal(t, "DEVICE=eth0\nBOOTPROTO=none\nIPADDR=10.0.0.5\nMTU=9000\n", string(b))
	b, _ = afero.ReadFile(fsys, "/etc/sysctl.conf")
	assert.Equal(t, "net.ipv4.ip_forward = 1", string(b), "an unchanged file is not written (not even its final newline)")
	saved, err := h.Match("/augeas/events/saved")
	require.NoError(t, err)
	assert.Len(t, saved, 1)
	v, _, _ := h.Get("/augeas/events/saved")
	assert.Equal(t, "/files/etc/sysconfig/network-scripts/ifcfg-eth0", v)

	// setting a value back to what it was writes nothing
	require.NoError(t, h.Set("/files/etc/hosts/1/ipaddr", "127.0.0.1"))
	require.NoError(t, h.Save())
	_, err = h.Match("/augeas/events/saved")
	require.NoError(t, err)
	m, _ := h.Match("/augeas/events/saved")
	assert.Empty(t, m)
}

func TestSaveModes(t *testing.T) {
	for _, mode := range []SaveMode{SaveBackup, SaveNewFile, SaveNoop} {
		t.Run(mode.String(), func(t *testing.T) {
			fsys := memRoot(t, sampleFiles)
			h := open(t, fsys, mode)
			require.NoError(t, h.Set("/files/etc/hosts/1/alias", "localhost.localdomain"))
			require.NoError(t, h.Save())
			b, _ := afero.ReadFile(fsys, "/etc/hosts")
			aug, errSave := afero.ReadFile(fsys, "/etc/hosts.augsave")
			augnew, errNew := afero.ReadFile(fsys, "/etc/hosts.augnew")
			newText := "127.0.0.1 localhost localhost.localdomain\n192.168.1.10 host1  # primary\n"
			switch mode {
			case SaveBackup:
				assert.Equal(t, newText, string(b))
				assert.Equal(t, sampleFiles["/etc/hosts"], string(aug))
				assert.Error(t, errNew)
			case SaveNewFile:
				assert.Equal(t, sampleFiles["/etc/hosts"], string(b))
				assert.Equal(t, newText, string(augnew))
				assert.Error(t, errSave)
			case SaveNoop:
				assert.Equal(t, sampleFiles["/etc/hosts"], string(b))
				assert.Error(t, errSave)
				assert.Error(t, errNew)
				m, _ := h.Match("/augeas/events/saved")
				assert.Len(t, m, 1, "noop still reports the file")
			}
		})
	}
}

func TestSaveRefusals(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h := open(t, fsys, SaveOverwrite)
	require.NoError(t, h.Set("/files/etc/hosts/1/bogus", "x"))
	require.NoError(t, h.Set("/files/etc/sysctl.conf/vm.swappiness", "10"))
	require.NoError(t, h.Set("/files/etc/resolv.conf/nameserver", "1.1.1.1"))
	err := h.Save()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "/etc/hosts: ")
	assert.Contains(t, err.Error(), "/etc/resolv.conf: not saved: the file did not load")
	b, _ := afero.ReadFile(fsys, "/etc/hosts")
	assert.Equal(t, sampleFiles["/etc/hosts"], string(b), "a tree the lens cannot write leaves the file alone")
	b, _ = afero.ReadFile(fsys, "/etc/resolv.conf")
	assert.Equal(t, sampleFiles["/etc/resolv.conf"], string(b), "a file that failed to parse is never rewritten")
	b, _ = afero.ReadFile(fsys, "/etc/sysctl.conf")
	assert.Equal(t, "net.ipv4.ip_forward = 1\nvm.swappiness = 10\n", string(b), "the other files are saved")
	kinds := map[string]string{}
	for _, e := range h.Errors() {
		kinds[e.Path] = e.Kind
	}
	assert.Equal(t, map[string]string{"/etc/hosts": "put_failed", "/etc/resolv.conf": "parse_failed"}, kinds)
}

func TestNewAndRemovedFiles(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h, err := Open(Options{Fs: fsys, NoAutoload: true, Transforms: []string{"Sysctl incl /etc/sysctl.d/*.conf", "Hosts incl /etc/hosts"}})
	require.NoError(t, err)
	require.NoError(t, h.Set("/files/etc/sysctl.d/90-new.conf/vm.swappiness", "10"))
	n, err := h.Remove("/files/etc/hosts")
	require.NoError(t, err)
	assert.Equal(t, 8, n, "the file node and everything under it")
	require.NoError(t, h.Save())
	b, err := afero.ReadFile(fsys, "/etc/sysctl.d/90-new.conf")
	require.NoError(t, err)
	assert.Equal(t, "vm.swappiness = 10\n", string(b))
	_, err = fsys.Stat("/etc/hosts")
	assert.True(t, errors.Is(err, fs.ErrNotExist), "a removed file subtree removes the file: %v", err)
}

func TestRemoveFileModes(t *testing.T) {
	for _, mode := range []SaveMode{SaveOverwrite, SaveBackup, SaveNewFile, SaveNoop} {
		t.Run(mode.String(), func(t *testing.T) {
			fsys := memRoot(t, sampleFiles)
			h := open(t, fsys, mode)
			n, err := h.Remove("/files/etc/hosts")
			require.NoError(t, err)
			assert.Positive(t, n)
			require.NoError(t, h.Save())
			_, errOrig := fsys.Stat("/etc/hosts")
			saved, errSave := afero.ReadFile(fsys, "/etc/hosts.augsave")
			switch mode {
			case SaveNoop:
				assert.NoError(t, errOrig, "noop removes nothing")
				assert.Error(t, errSave)
			case SaveBackup:
				assert.Error(t, errOrig)
				assert.Equal(t, sampleFiles["/etc/hosts"], string(saved), "backup keeps the removed file as .augsave")
			default: // as Augeas, newfile mode unlinks the original too
				assert.Error(t, errOrig)
				assert.Error(t, errSave)
			}
			m, _ := h.Match("/augeas/events/saved")
			assert.Len(t, m, 1)
		})
	}
}

func TestSaveModeNames(t *testing.T) {
	var zero SaveMode
	assert.Equal(t, SaveOverwrite, zero, "the zero value overwrites")
	for mode, name := range map[SaveMode]string{SaveOverwrite: "overwrite", SaveBackup: "backup", SaveNewFile: "newfile", SaveNoop: "noop"} {
		assert.Equal(t, name, mode.String())
		h := open(t, memRoot(t, sampleFiles), mode)
		v, _, err := h.Get("/augeas/save")
		require.NoError(t, err)
		assert.Equal(t, name, v, "/augeas/save names the mode as String does")
	}
	assert.Equal(t, "SaveMode(7)", SaveMode(7).String())
	_, err := Open(Options{Fs: afero.NewMemMapFs(), NoAutoload: true, SaveMode: 7})
	assert.EqualError(t, err, "invalid save mode SaveMode(7)")
}

// TestSaveErrorsAs: Save's error takes apart with errors.As into the
// *FileError of each file not saved, which Errors lists too, and prints
// as it always did.
func TestSaveErrorsAs(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h := open(t, fsys, SaveOverwrite)
	require.NoError(t, h.Set("/files/etc/hosts/1/bogus", "x"))
	require.NoError(t, h.Set("/files/etc/resolv.conf/nameserver", "1.1.1.1"))
	err := h.Save()
	require.Error(t, err)

	var fe *FileError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "/etc/hosts", fe.Path)
	assert.Equal(t, "put_failed", fe.Kind)
	assert.True(t, strings.HasPrefix(fe.Node, "/files/etc/hosts/1"), fe.Node)
	assert.NotEmpty(t, fe.Lens)
	var pe *lens.PutError
	require.ErrorAs(t, err, &pe, "the lens's own error is wrapped")
	assert.Equal(t, pe.Msg, fe.Msg)
	assert.Equal(t, "/etc/hosts: "+pe.Error(), fe.Error())

	var got []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var each *FileError
		require.ErrorAs(t, e, &each)
		got = append(got, each.Path+" "+each.Kind+": "+each.Error())
	}
	assert.Equal(t, []string{
		"/etc/hosts put_failed: /etc/hosts: " + pe.Error(),
		"/etc/resolv.conf load_failed: /etc/resolv.conf: not saved: the file did not load (see its error under /augeas/files)",
	}, got)

	for _, listed := range h.Errors() {
		if listed.Path == "/etc/hosts" {
			assert.Equal(t, FileError{Path: "/etc/hosts", Kind: "put_failed", Lens: pe.Lens.String(), Node: listed.Node, Msg: pe.Msg}, *listed,
				"Errors lists the same file, kind, lens, node and message")
			assert.Equal(t, fe.Node, listed.Node)
		}
	}
}

// TestSaveWriteErrorAs: a file the file system refuses to write is a
// write_failed *FileError wrapping the file system's error; its message
// is the cause as strerror words it.
func TestSaveWriteErrorAs(t *testing.T) {
	mem := memRoot(t, sampleFiles)
	h := open(t, afero.NewReadOnlyFs(mem), SaveOverwrite)
	require.NoError(t, h.Set("/files/etc/hosts/1/canonical", "lh"))
	err := h.Save()
	require.Error(t, err)
	var fe *FileError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "/etc/hosts", fe.Path)
	assert.Equal(t, "write_failed", fe.Kind)
	assert.Equal(t, "Operation not permitted", fe.Msg)
	assert.Equal(t, "/etc/hosts: operation not permitted", err.Error())
	assert.ErrorIs(t, err, syscall.EPERM)
	var listed []string
	for _, e := range h.Errors() {
		listed = append(listed, e.Path+" "+e.Kind+" "+e.Msg)
	}
	assert.Contains(t, listed, "/etc/hosts write_failed Operation not permitted")
}

// hostPathFs fails one step of a save with an error naming a host path,
// as the disk's errors do.
type hostPathFs struct {
	afero.Fs
	step string // "create", "write", "rename" or "remove"
}

const hostDir = "/srv/host/root"

func (f hostPathFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&os.O_CREATE != 0 {
		if f.step == "create" {
			return nil, &fs.PathError{Op: "open", Path: hostDir + name, Err: syscall.EACCES}
		}
		file, err := f.Fs.OpenFile(name, flag, perm)
		if err == nil && f.step == "write" {
			return failingWrite{file}, nil
		}
		return file, err
	}
	return f.Fs.OpenFile(name, flag, perm)
}

func (f hostPathFs) Rename(oldname, newname string) error {
	if f.step == "rename" {
		return &os.LinkError{Op: "rename", Old: hostDir + oldname, New: hostDir + newname, Err: syscall.EXDEV}
	}
	return f.Fs.Rename(oldname, newname)
}

func (f hostPathFs) Remove(name string) error {
	if f.step == "remove" {
		return &fs.PathError{Op: "remove", Path: hostDir + name, Err: syscall.EBUSY}
	}
	return f.Fs.Remove(name)
}

type failingWrite struct{ afero.File }

func (w failingWrite) Write([]byte) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: hostDir + w.Name(), Err: syscall.ENOSPC}
}

func (w failingWrite) WriteString(string) (int, error) { return w.Write(nil) }

// TestSaveErrorsRootRelative: whatever host path the file system puts
// in its errors, what Save returns and records names the file
// root-relative, with Augeas's kind of failure and the cause as the
// message (augtool 1.14 records error_augtemp "No space left on
// device" for a full disk, mk_augtemp for a temporary file it cannot
// make).
func TestSaveErrorsRootRelative(t *testing.T) {
	for _, tc := range []struct {
		step, file, kind, msg string
		cause                 error
	}{
		{"create", "/etc/hosts", "mk_augtemp", "Permission denied", syscall.EACCES},
		{"write", "/etc/hosts", "error_augtemp", "No space left on device", syscall.ENOSPC},
		{"rename", "/etc/hosts", "write_failed", "Invalid cross-device link", syscall.EXDEV},
		{"create", "/etc/hosts.new", "mk_augtemp", "Permission denied", syscall.EACCES},
		{"write", "/etc/hosts.new", "error_augtemp", "No space left on device", syscall.ENOSPC},
		{"remove", "/etc/hosts", "remove_failed", "Device or resource busy", syscall.EBUSY},
	} {
		t.Run(tc.step+tc.file, func(t *testing.T) {
			h := open(t, hostPathFs{memRoot(t, sampleFiles), tc.step}, SaveOverwrite)
			switch {
			case tc.step == "remove":
				_, err := h.Remove("/files" + tc.file)
				require.NoError(t, err)
			case tc.file == "/etc/hosts":
				require.NoError(t, h.Set("/files/etc/hosts/1/canonical", "lh"))
			default:
				require.NoError(t, h.Set("/files"+tc.file+"/1/ipaddr", "10.0.0.1"))
				require.NoError(t, h.Set("/files"+tc.file+"/1/canonical", "a"))
			}
			err := h.Save()
			require.Error(t, err)
			assert.Equal(t, tc.file+": "+tc.cause.Error(), err.Error())
			assert.ErrorIs(t, err, tc.cause)
			var fe *FileError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.kind, fe.Kind)
			assert.Equal(t, tc.msg, fe.Msg)
			errs := h.Errors()
			var got []string
			for _, e := range errs {
				got = append(got, e.Path+" "+e.Kind+" "+e.Msg)
			}
			assert.Contains(t, got, tc.file+" "+tc.kind+" "+tc.msg)
			if tc.file == "/etc/hosts.new" {
				// the entry of a new file not written: mtime 0
				v, _, _ := h.Get("/augeas/files/etc/hosts.new/mtime")
				assert.Equal(t, "0", v)
			}
			var meta strings.Builder
			require.NoError(t, tree.Fprint(&meta, h.augeasNode(), "/augeas"))
			assert.Contains(t, meta.String(), `"`+tc.msg+`"`)
			assert.NotContains(t, meta.String(), hostDir)
		})
	}
}

// TestSaveEmptyNewFile: a new file's node without children, touched or
// emptied again, is saved as an empty file (as augtool 1.14 does); a
// node no transform claims is no file.
func TestSaveEmptyNewFile(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h := open(t, fsys, SaveOverwrite)
	require.NoError(t, h.Touch("/files/etc/hosts.new"))
	require.NoError(t, h.Set("/files/etc/hosts.other/1/ipaddr", "10.0.0.1"))
	require.NoError(t, h.Set("/files/etc/hosts.other/1/canonical", "a"))
	_, err := h.Remove("/files/etc/hosts.other/*")
	require.NoError(t, err)
	require.NoError(t, h.Touch("/files/etc/motd.new"))
	require.NoError(t, h.Save())
	for _, p := range []string{"/etc/hosts.new", "/etc/hosts.other"} {
		b, err := afero.ReadFile(fsys, p)
		require.NoError(t, err, p)
		assert.Empty(t, b, p)
	}
	_, err = fsys.Stat("/etc/motd.new")
	assert.ErrorIs(t, err, fs.ErrNotExist)
	saved, _ := h.Match("/augeas/events/saved")
	assert.Len(t, saved, 2)
	// as Augeas, the new file's entry under /augeas/files
	v, _, _ := h.Get("/augeas/files/etc/hosts.new/path")
	assert.Equal(t, "/files/etc/hosts.new", v)
	v, _, _ = h.Get("/augeas/files/etc/hosts.new/lens")
	assert.Equal(t, "Hosts.lns", v)
	v, _, _ = h.Get("/augeas/files/etc/hosts.new/mtime")
	assert.NotEqual(t, "0", v, "the written file's mtime")

	// saved once: the next save writes nothing
	require.NoError(t, h.Save())
	saved, _ = h.Match("/augeas/events/saved")
	assert.Empty(t, saved)
}

// TestSaveRemovedFileMeta: a file a save removed loses its entry under
// /augeas/files (its parent stays), as in augtool 1.14; in noop mode
// nothing is removed and the entry stays.
func TestSaveRemovedFileMeta(t *testing.T) {
	for _, mode := range []SaveMode{SaveOverwrite, SaveNoop} {
		t.Run(mode.String(), func(t *testing.T) {
			fsys := memRoot(t, sampleFiles)
			h := open(t, fsys, mode)
			_, err := h.Remove("/files/etc/hosts")
			require.NoError(t, err)
			require.NoError(t, h.Save())
			m, _ := h.Match("/augeas/files/etc/hosts")
			parent, _ := h.Match("/augeas/files/etc")
			assert.Len(t, parent, 1)
			if mode == SaveNoop {
				assert.Len(t, m, 1)
				return
			}
			assert.Empty(t, m)
			_, err = fsys.Stat("/etc/hosts")
			assert.ErrorIs(t, err, fs.ErrNotExist)
		})
	}
}

// TestSaveOrder: Save writes, and lists under /augeas/events, the files
// in the order of /files (the order of the transforms), not by name.
func TestSaveOrder(t *testing.T) {
	h, err := Open(Options{Fs: memRoot(t, sampleFiles), NoAutoload: true, Transforms: []string{
		"Sysctl incl /etc/sysctl.conf", "Hosts incl /etc/hosts",
	}})
	require.NoError(t, err)
	top, _ := h.Match("/files/etc/*")
	require.Equal(t, []string{"/files/etc/sysctl.conf", "/files/etc/hosts"}, top)
	require.NoError(t, h.Set("/files/etc/hosts/1/canonical", "lh"))
	require.NoError(t, h.Set("/files/etc/sysctl.conf/net.ipv4.ip_forward", "0"))
	require.NoError(t, h.Save())
	var saved []string
	ns, _ := h.MatchNodes("/augeas/events/saved")
	for _, n := range ns {
		v, _ := n.Value()
		saved = append(saved, v)
	}
	assert.Equal(t, []string{"/files/etc/sysctl.conf", "/files/etc/hosts"}, saved)
}
