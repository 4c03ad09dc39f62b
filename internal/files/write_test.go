package files

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// listDir returns the names in a host directory, sorted.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func TestWriteFileModes(t *testing.T) {
	for _, c := range []struct {
		mode  Mode
		files []string // in /etc afterwards
		hosts string   // content of /etc/hosts afterwards
		extra string   // content of the .augsave or .augnew file
	}{
		{Overwrite, []string{"hosts"}, "new\n", ""},
		{Backup, []string{"hosts", "hosts.augsave"}, "new\n", "old\n"},
		{NewFile, []string{"hosts", "hosts.augnew"}, "old\n", "new\n"},
		{Noop, []string{"hosts"}, "old\n", ""},
	} {
		t.Run(c.mode.String(), func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.MkdirAll(filepath.Join(dir, "etc"), 0o755))
			host := filepath.Join(dir, "etc", "hosts")
			require.NoError(t, os.WriteFile(host, []byte("old\n"), 0o640))
			require.NoError(t, os.Chmod(host, 0o640))
			r, err := NewRoot(dir)
			require.NoError(t, err)
			require.NoError(t, WriteFile(r, "/etc/hosts", "new\n", c.mode))
			assert.Equal(t, c.files, listDir(t, filepath.Join(dir, "etc")), "no temporary file is left")
			b, _ := os.ReadFile(host)
			assert.Equal(t, c.hosts, string(b))
			for _, f := range c.files[1:] {
				b, _ := os.ReadFile(filepath.Join(dir, "etc", f))
				assert.Equal(t, c.extra, string(b))
				st, err := os.Stat(filepath.Join(dir, "etc", f))
				require.NoError(t, err)
				assert.Equal(t, os.FileMode(0o640), st.Mode().Perm(), "%s keeps the original's mode", f)
			}
			st, err := os.Stat(host)
			require.NoError(t, err)
			assert.Equal(t, os.FileMode(0o640), st.Mode().Perm(), "the mode is kept")
		})
	}
}

func TestWriteFileThroughLink(t *testing.T) {
	r, _ := sandbox(t)
	require.NoError(t, WriteFile(r, "/etc/abs", "new\n", Backup))
	fi, _, err := r.LstatIfPossible("/etc/abs")
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the link stays a link")
	b, _ := afero.ReadFile(r, "/real/hosts")
	assert.Equal(t, "new\n", string(b), "the link's target is replaced")
	b, _ = afero.ReadFile(r, "/etc/abs.augsave")
	assert.Equal(t, "inside\n", string(b), "the backup is named after the link")
	assert.Equal(t, []string{"hosts"}, listDir(t, filepath.Join(r.Dir(), "real")))
}

func TestWriteFileNewAndFailure(t *testing.T) {
	mem := afero.NewMemMapFs()
	require.NoError(t, mem.MkdirAll("/etc", 0o755))
	require.NoError(t, WriteFile(mem, "/etc/new.conf", "a=1\n", Overwrite))
	st, err := mem.Stat("/etc/new.conf")
	require.NoError(t, err)
	assert.Equal(t, NewFileMode, st.Mode().Perm())
	b, _ := afero.ReadFile(mem, "/etc/new.conf")
	assert.Equal(t, "a=1\n", string(b))

	err = WriteFile(mem, "/etc/x", "x", InvalidMode)
	assert.EqualError(t, err, "/etc/x: invalid save mode Mode(0)")

	// a target that is a directory: the rename fails, the temporary
	// file goes away
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "etc", "d", "sub"), 0o755))
	r, err := NewRoot(dir)
	require.NoError(t, err)
	assert.Error(t, WriteFile(r, "/etc/d", "x", Overwrite))
	assert.Error(t, WriteFile(r, "/missing/dir/x", "x", Overwrite), "a missing directory is an error")
	assert.Equal(t, []string{"d"}, listDir(t, filepath.Join(dir, "etc")))
}

func TestParseMode(t *testing.T) {
	for _, m := range []Mode{Overwrite, Backup, NewFile, Noop} {
		got, err := ParseMode(m.String())
		require.NoError(t, err)
		assert.Equal(t, m, got)
	}
	_, err := ParseMode("sometimes")
	assert.EqualError(t, err, `invalid save mode "sometimes" (overwrite, backup, newfile or noop)`)
}

// TestWriteFileKeepsSpecialBits: setuid, setgid and sticky bits, owner
// and group survive every mode that writes, on the real disk (augtool
// keeps them too). Changing the owner needs root; otherwise the test
// keeps the process's own owner and checks the bits only.
func TestWriteFileKeepsSpecialBits(t *testing.T) {
	uid, gid := os.Getuid(), os.Getgid()
	if uid == 0 {
		uid, gid = 12, 34
	}
	special := os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky
	for _, mode := range []Mode{Overwrite, Backup, NewFile} {
		t.Run(mode.String(), func(t *testing.T) {
			dir := t.TempDir()
			host := filepath.Join(dir, "tool")
			require.NoError(t, os.WriteFile(host, []byte("old\n"), 0o600))
			require.NoError(t, os.Chown(host, uid, gid))
			want := 0o750 | os.ModeSetuid | os.ModeSetgid | os.ModeSticky
			require.NoError(t, os.Chmod(host, want))
			r, err := NewRoot(dir)
			require.NoError(t, err)
			require.NoError(t, WriteFile(r, "/tool", "new\n", mode))
			for _, f := range listDir(t, dir) {
				st, err := os.Stat(filepath.Join(dir, f))
				require.NoError(t, err)
				assert.Equal(t, want, st.Mode()&special, "%s: %v", f, st.Mode())
				sys := st.Sys().(*syscall.Stat_t)
				assert.Equal(t, []int{uid, gid}, []int{int(sys.Uid), int(sys.Gid)}, "%s: owner and group", f)
			}
			assert.Len(t, listDir(t, dir), map[Mode]int{Overwrite: 1, Backup: 2, NewFile: 2}[mode])
		})
	}
}

// TestWriteFileTempFiles: the temporary file of a save is a dot file
// named after the target, and a save removes the stale temporary files
// of its target that a killed save left (simulated here by leaving
// them), and nothing else.
func TestWriteFileTempFiles(t *testing.T) {
	dir := t.TempDir()
	host := func(n string) string { return filepath.Join(dir, n) }
	require.NoError(t, os.WriteFile(host("99-x.conf"), []byte("old\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(filepath.Dir(dir), "outside"), []byte("o\n"), 0o644))
	long, recent := time.Now().Add(-staleAge-time.Minute), time.Now().Add(-staleDeadAge-time.Second)
	own := strconv.Itoa(os.Getpid())
	const dead = "999999999" // above any pid_max: no such process
	for _, c := range []struct {
		name  string
		mtime time.Time
	}{
		{".99-x.conf.lensnet-" + dead + "-0badf00d", recent},       // dead pid, a minute old: stale
		{".99-x.conf.lensnet-" + own + "-00000001", long},          // living pid, long untouched: stale
		{".99-x.conf.lensnet-" + own + "-00000002", recent},        // living pid, recent: kept
		{".99-x.conf.lensnet-" + dead + "-00000003", time.Now()},   // dead pid but just written: kept
		{".99-x.conf.lensnet-" + dead + "-0000000G", long},         // not our form: kept
		{".99-x.conf.lensnet-0" + dead + "-00000004", long},        // not our form: kept
		{".other.conf.lensnet-" + dead + "-00000005", long},        // another file's: kept
		{"99-x.conf.lensnet-" + dead + "-00000006", long},          // no dot: kept
		{".99-x.conf.lensnet-" + dead + "-00000007.augsave", long}, // kept
	} {
		require.NoError(t, os.WriteFile(host(c.name), nil, 0o600))
		require.NoError(t, os.Chtimes(host(c.name), c.mtime, c.mtime))
	}
	// a link of our form is never followed nor removed
	linkName := ".99-x.conf.lensnet-" + dead + "-00000008"
	require.NoError(t, os.Symlink("../outside", host(linkName)))
	require.NoError(t, os.Chtimes(host("99-x.conf"), long, long))
	before := listDir(t, dir)

	r, err := NewRoot(dir)
	require.NoError(t, err)
	require.NoError(t, WriteFile(r, "/99-x.conf", "new\n", Overwrite))
	var want []string
	for _, n := range before {
		if !strings.HasSuffix(n, "-0badf00d") && !strings.HasSuffix(n, "-00000001") {
			want = append(want, n)
		}
	}
	assert.Equal(t, want, listDir(t, dir), "only the two stale temporary files are gone")
	b, err := os.ReadFile(filepath.Join(filepath.Dir(dir), "outside"))
	require.NoError(t, err)
	assert.Equal(t, "o\n", string(b))

	// the temporary file's name, seen while the save is under way
	var seen []string
	fsys := &watchFs{Fs: r, create: func(n string) { seen = append(seen, n) }}
	require.NoError(t, WriteFile(fsys, "/99-x.conf", "newer\n", Overwrite))
	require.Len(t, seen, 1)
	assert.Regexp(t, `^/\.99-x\.conf\.lensnet-`+own+`-[0-9a-f]{8}$`, seen[0])
	pid, ok := tempPID(path.Base(seen[0]), "99-x.conf")
	assert.True(t, ok)
	assert.Equal(t, os.Getpid(), pid)
}

// watchFs reports the files created with O_EXCL (WriteFile's temporary
// files).
type watchFs struct {
	afero.Fs
	create func(name string)
}

func (w *watchFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&os.O_EXCL != 0 {
		w.create(name)
	}
	return w.Fs.OpenFile(name, flag, perm)
}

// TestWriteFileBackupKeepsOriginal: in backup mode the original file
// itself (same inode, no copy made: a nearly full disk does not matter)
// becomes FILE.augsave, replacing an older one, and the target is
// replaced by a rename: a reader running meanwhile always finds either
// the old or the new text, never no file.
func TestWriteFileBackupKeepsOriginal(t *testing.T) {
	dir := t.TempDir()
	host := filepath.Join(dir, "hosts")
	require.NoError(t, os.WriteFile(host, []byte("v0\n"), 0o644))
	require.NoError(t, os.WriteFile(host+".augsave", []byte("older\n"), 0o644))
	r, err := NewRoot(dir)
	require.NoError(t, err)
	ino := func(p string) uint64 {
		st, err := os.Stat(p)
		require.NoError(t, err)
		return st.Sys().(*syscall.Stat_t).Ino
	}

	stop := make(chan struct{})
	bad := make(chan string, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
			}
			b, err := os.ReadFile(host)
			if err != nil || !strings.HasPrefix(string(b), "v") {
				select {
				case bad <- fmt.Sprintf("%q %v", b, err):
				default:
				}
			}
		}
	}()
	for i := 1; i <= 50; i++ {
		orig := ino(host)
		require.NoError(t, WriteFile(r, "/hosts", fmt.Sprintf("v%d\n", i), Backup))
		assert.Equal(t, orig, ino(host+".augsave"), "the backup is the original file itself")
		assert.NotEqual(t, orig, ino(host), "the target is a new file")
		b, _ := os.ReadFile(host + ".augsave")
		assert.Equal(t, fmt.Sprintf("v%d\n", i-1), string(b))
		st, err := os.Stat(host + ".augsave")
		require.NoError(t, err)
		assert.Equal(t, uint64(1), uint64(st.Sys().(*syscall.Stat_t).Nlink), "no name is left on the original but the backup")
	}
	close(stop)
	<-done
	select {
	case s := <-bad:
		t.Errorf("a reader saw no whole file during a backup save: %s", s)
	default:
	}
	assert.Equal(t, []string{"hosts", "hosts.augsave"}, listDir(t, dir))

	// a file system without links gets a copy
	mem := afero.NewMemMapFs()
	require.NoError(t, afero.WriteFile(mem, "/hosts", []byte("a\n"), 0o640))
	require.NoError(t, WriteFile(mem, "/hosts", "b\n", Backup))
	b, _ := afero.ReadFile(mem, "/hosts.augsave")
	assert.Equal(t, "a\n", string(b))
	b, _ = afero.ReadFile(mem, "/hosts")
	assert.Equal(t, "b\n", string(b))
}

// TestWriteFileIf writes only when the check accepts the file's current
// content, under the directory's lock, and leaves nothing behind when it
// does not.
func TestWriteFileIf(t *testing.T) {
	dir := t.TempDir()
	host := filepath.Join(dir, "hosts")
	require.NoError(t, os.WriteFile(host, []byte("disk\n"), 0o644))
	r, err := NewRoot(dir)
	require.NoError(t, err)
	is := func(want string, exists bool) func([]byte, bool) bool {
		return func(cur []byte, ok bool) bool { return ok == exists && string(cur) == want }
	}
	for _, mode := range []Mode{Overwrite, Backup, NewFile} {
		err = WriteFileIf(r, "/hosts", "new\n", mode, is("loaded\n", true))
		require.ErrorIs(t, err, ErrChanged, mode)
		assert.Equal(t, "save /hosts: changed on disk since it was loaded, not overwritten (load it again and redo the change)", err.Error())
		assert.Equal(t, []string{"hosts"}, listDir(t, dir), "nothing written")
	}
	require.NoError(t, WriteFileIf(r, "/hosts", "new\n", Overwrite, is("disk\n", true)))
	b, _ := os.ReadFile(host)
	assert.Equal(t, "new\n", string(b))
	require.ErrorIs(t, WriteFileIf(r, "/gone", "x\n", Overwrite, is("", true)), ErrChanged)
	require.NoError(t, WriteFileIf(r, "/gone", "x\n", Overwrite, is("", false)))

	// another holder of the directory's lock makes a save wait for it
	d, err := r.openDirOps("/")
	require.NoError(t, err)
	unlock, err := d.lock()
	require.NoError(t, err)
	done := make(chan error)
	go func() { done <- WriteFile(r, "/hosts", "later\n", Overwrite) }()
	select {
	case err := <-done:
		t.Fatalf("the save did not wait for the lock: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	unlock()
	require.NoError(t, <-done)
	d.close()
	b, _ = os.ReadFile(host)
	assert.Equal(t, "later\n", string(b))
}

// TestRemoveFileIfGone: removing a file that is gone already, or whose
// directory is gone too, is no error; a changed file is kept.
func TestRemoveFileIfGone(t *testing.T) {
	dir := t.TempDir()
	r, err := NewRoot(dir)
	require.NoError(t, err)
	gone := func(_ []byte, exists bool) bool { return !exists }
	assert.NoError(t, RemoveFileIf(r, "/hosts", Overwrite, gone))
	assert.NoError(t, RemoveFileIf(r, "/nodir/hosts", Overwrite, gone))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "hosts"), []byte("other\n"), 0o644))
	assert.ErrorIs(t, RemoveFileIf(r, "/hosts", Overwrite, gone), ErrChanged)
	assert.FileExists(t, filepath.Join(dir, "hosts"))
}
