package files

import (
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"testing"

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
