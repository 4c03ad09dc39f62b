package lensnet

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/lensnet/lensnet/internal/files"
	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGlibcReorder(t *testing.T) {
	names := func(from, to int) []string {
		var out []string
		for i := from; i < to; i++ {
			out = append(out, fmt.Sprint(i))
		}
		return out
	}
	for _, tc := range []struct {
		name string
		n    int
		want []string
	}{
		{"one block", 64, names(0, 64)},
		{"two blocks", 65, append(names(64, 65), names(0, 64)...)},
		// as augtool 1.14 listed a directory of 300 files
		{"three blocks", 300, append(append(names(192, 300), names(64, 192)...), names(0, 64)...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, glibcReorder(names(0, tc.n)))
		})
	}
}

func TestGlob(t *testing.T) {
	fsys := afero.NewMemMapFs()
	for _, f := range []string{"/etc/a/x.conf", "/etc/a/.y.conf", "/etc/b/x.conf", "/etc/b.conf", "/etc/.c/x.conf", "/etc/d/sub/x.conf"} {
		require.NoError(t, afero.WriteFile(fsys, f, []byte("x\n"), 0o644))
	}
	for _, tc := range []struct {
		pattern string
		want    []string
	}{
		// no .c, b.conf is no directory; d/x.conf is left to the caller
		{"/etc/*/x.conf", []string{"/etc/a/x.conf", "/etc/b/x.conf", "/etc/d/x.conf"}},
		{"/etc/a/*", []string{"/etc/a/x.conf"}},
		{"/etc/a/.*", []string{"/etc/a/.y.conf"}},
		{"/etc/[!a]*/*", []string{"/etc/b/x.conf", "/etc/d/sub"}},
		{"/etc/none/*", nil},
		{"/etc/none", []string{"/etc/none"}}, // the caller looks it up
	} {
		t.Run(tc.pattern, func(t *testing.T) {
			assert.Equal(t, tc.want, glob(fsys, tc.pattern))
		})
	}
}

// TestGlobberListings: what the listings tell (missing paths, regular
// files, directories and links) is what looking each path up tells, on
// a real root (types from the listing) and on a memory one (names
// only).
func TestGlobberListings(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"etc/a", "etc/b/c", "lib/x"} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, d), 0o755))
	}
	for _, f := range []string{"etc/hosts", "etc/a/one", "etc/b/c/two", "lib/x/three"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), []byte("x\n"), 0o644))
	}
	require.NoError(t, os.Symlink("lib/x", filepath.Join(dir, "etc/link")))
	require.NoError(t, os.Symlink("hosts", filepath.Join(dir, "etc/filelink")))
	require.NoError(t, os.Symlink("nowhere", filepath.Join(dir, "etc/dangling")))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "etc/fifo"), 0o644))
	root, err := files.NewRoot(dir)
	require.NoError(t, err)
	mem := afero.NewMemMapFs()
	for _, f := range []string{"/etc/hosts", "/etc/a/one", "/etc/b/c/two"} {
		require.NoError(t, afero.WriteFile(mem, f, []byte("x\n"), 0o644))
	}
	paths := []string{"/", "/etc", "/etc/hosts", "/etc/a", "/etc/a/one", "/etc/a/none", "/etc/none/x/y",
		"/etc/b/c/two", "/etc/link", "/etc/link/three", "/etc/link/none", "/etc/filelink", "/etc/dangling",
		"/etc/fifo", "/nope", "/nope/deeper", "/etc//hosts", "/etc/./hosts", "/etc/a/../hosts", "relative"}
	for name, fsys := range map[string]afero.Fs{"root": root, "memory": mem} {
		g := newGlobber(fsys)
		for _, p := range paths {
			st, err := fsys.Stat(p)
			if g.missing(p) {
				assert.Error(t, err, "%s: %s said missing", name, p)
			}
			if reg, known := g.regular(p); known {
				assert.Equal(t, err == nil && st.Mode().IsRegular(), reg, "%s: %s regular", name, p)
			}
			lst, lerr := lstatOf(fsys, p)
			want := lerr == nil && (lst.IsDir() || lst.Mode()&fs.ModeSymlink != 0)
			assert.Equal(t, want, g.dirOrLink(p), "%s: %s dir or link", name, p)
		}
	}
	// a root's listings tell about every regular file without a lookup
	g := newGlobber(root)
	for _, p := range []string{"/etc/hosts", "/etc/a/one", "/etc/b/c/two"} {
		reg, known := g.regular(p)
		assert.True(t, known && reg, p)
	}
	for _, p := range []string{"/etc/none/x/y", "/nope/deeper", "/etc/a/none"} {
		assert.True(t, g.missing(p), p)
	}
}

func lstatOf(fsys afero.Fs, p string) (fs.FileInfo, error) {
	if l, ok := fsys.(afero.Lstater); ok {
		st, _, err := l.LstatIfPossible(p)
		return st, err
	}
	return fsys.Stat(p)
}
