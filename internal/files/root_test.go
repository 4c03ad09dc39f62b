package files

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sandbox makes a root with /real/hosts, links to it, and a secret file
// next to (outside) the root.
func sandbox(t *testing.T) (*Root, string) {
	t.Helper()
	top := t.TempDir()
	dir := filepath.Join(top, "root")
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "etc"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "real"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "real", "hosts"), []byte("inside\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(top, "secret"), []byte("outside\n"), 0o644))
	links := map[string]string{
		"etc/abs":     "/real/hosts",           // absolute: inside the root
		"etc/rel":     "../real/hosts",         // relative
		"etc/escape":  "../../../secret",       // climbs above the root
		"etc/escape2": "/../secret",            // absolute with ..
		"etc/loop":    "loop2",                 // a cycle
		"etc/loop2":   "loop",                  //
		"etc/dirlink": "/real",                 // a directory
		"etc/dangle":  "/real/not-there-yet",   // to a missing file
		"etc/chain":   "abs",                   // a link to a link
		"etc/host":    filepath.Join(top, "x"), // a host path: read inside
	}
	for name, target := range links {
		require.NoError(t, os.Symlink(target, filepath.Join(dir, name)))
	}
	r, err := NewRoot(dir)
	require.NoError(t, err)
	return r, top
}

func TestRootResolve(t *testing.T) {
	r, top := sandbox(t)
	for _, c := range []struct{ name, want string }{
		{"/etc/abs", "/real/hosts"},
		{"etc/rel", "/real/hosts"},
		{"/etc/chain", "/real/hosts"},
		{"/etc/escape", "/secret"},
		{"/etc/escape2", "/secret"},
		{"/../../secret", "/secret"},
		{"/etc/dirlink/hosts", "/real/hosts"},
		{"/etc/dangle", "/real/not-there-yet"},
		{"/etc/new/../x", "/etc/x"},
		{"/etc/host", filepath.ToSlash(filepath.Join(top, "x"))},
	} {
		got, err := r.Resolve(c.name)
		require.NoError(t, err, c.name)
		assert.Equal(t, c.want, got, c.name)
	}
	_, err := r.Resolve("/etc/loop")
	assert.ErrorIs(t, err, ErrLoop)
}

func TestRootStaysInside(t *testing.T) {
	r, _ := sandbox(t)
	b, err := afero.ReadFile(r, "/etc/abs")
	require.NoError(t, err)
	assert.Equal(t, "inside\n", string(b))
	for _, name := range []string{"/etc/escape", "/etc/escape2", "/../secret", "../../secret"} {
		_, err := afero.ReadFile(r, name)
		assert.True(t, errors.Is(err, fs.ErrNotExist), "%s: %v", name, err)
		var pe *fs.PathError
		if assert.ErrorAs(t, err, &pe) {
			assert.Equal(t, name, pe.Path, "errors name the file as the caller wrote it")
		}
	}
	// writing through an escaping link creates the file inside the root
	require.NoError(t, afero.WriteFile(r, "/etc/escape", []byte("w\n"), 0o644))
	b, err = os.ReadFile(filepath.Join(r.Dir(), "secret"))
	require.NoError(t, err)
	assert.Equal(t, "w\n", string(b))
	_, err = os.Stat(filepath.Join(filepath.Dir(r.Dir()), "secret"))
	require.NoError(t, err)
	out, _ := os.ReadFile(filepath.Join(filepath.Dir(r.Dir()), "secret"))
	assert.Equal(t, "outside\n", string(out), "the file outside the root is untouched")
	assert.Error(t, r.RemoveAll("/"), "the root itself cannot be removed")
}

func TestRootLinksThemselves(t *testing.T) {
	r, _ := sandbox(t)
	fi, ok, err := r.LstatIfPossible("/etc/abs")
	require.True(t, ok)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&fs.ModeSymlink)
	require.NoError(t, r.Remove("/etc/abs"))
	_, err = os.Stat(filepath.Join(r.Dir(), "real", "hosts"))
	assert.NoError(t, err, "removing a link keeps its target")
}

func TestRootBatch(t *testing.T) {
	r, _ := sandbox(t)
	read := func(name string) string {
		b, err := afero.ReadFile(r, name)
		if err != nil {
			return "error: " + err.Error()
		}
		return string(b)
	}
	require.NoError(t, os.MkdirAll(filepath.Join(r.Dir(), "d", "sub"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(r.Dir(), "d", "sub", "f"), []byte("plain\n"), 0o644))
	r.Batch(func() {
		assert.Equal(t, "plain\n", read("/d/sub/f"))
		assert.Equal(t, "plain\n", read("/d/sub/f"), "again, from the remembered directories")
		assert.Equal(t, "inside\n", read("/etc/dirlink/hosts"), "links are still followed inside the root")
		b, _, _, err := r.ReadFile("/etc/dirlink/hosts")
		require.NoError(t, err)
		assert.Equal(t, "inside\n", string(b))
		assert.Contains(t, r.batch.alias, "/etc/dirlink", "a directory reached through a link is remembered under its name")
		b, _, _, err = r.ReadFile("/etc/dirlink/hosts")
		require.NoError(t, err)
		assert.Equal(t, "inside\n", string(b), "again, through the remembered directory")
		_, _, _, err = r.ReadFile("/etc/dirlink/missing")
		assert.ErrorIs(t, err, fs.ErrNotExist)
		assert.Equal(t, "inside\n", read("/etc/escape/../real/hosts"))
		_, err = afero.ReadFile(r, "/etc/escape")
		assert.Error(t, err, "an escaping link still stays inside")
		r.Batch(func() { assert.Equal(t, "plain\n", read("/d/sub/f")) }) // nested
		assert.NotNil(t, r.batch, "a nested batch keeps the outer one's descriptors")
	})
	assert.Nil(t, r.batch, "the descriptors go with the batch")
	// after the batch a directory replaced by a link is seen as a link
	require.NoError(t, os.RemoveAll(filepath.Join(r.Dir(), "d", "sub")))
	require.NoError(t, os.Symlink("/real", filepath.Join(r.Dir(), "d", "sub")))
	assert.Equal(t, "error: open /d/sub/f: no such file or directory", read("/d/sub/f"))
	assert.Equal(t, "inside\n", read("/d/sub/hosts"))
}

// TestRootOperations: every operation resolves links inside the root
// and names files as the caller wrote them.
func TestRootOperations(t *testing.T) {
	r, top := sandbox(t)
	host := func(p string) string { return filepath.Join(r.Dir(), filepath.FromSlash(p)) }
	require.NoError(t, r.MkdirAll("/etc/dirlink/a/b", 0o750))
	fi, err := os.Stat(host("real/a/b"))
	require.NoError(t, err, "made through the link, inside the root")
	assert.Equal(t, os.FileMode(0o750)|os.ModeDir, fi.Mode())
	require.NoError(t, r.MkdirAll("/etc/dirlink/a/b", 0o750), "existing: no error")
	assert.Error(t, r.MkdirAll("/real/hosts/x", 0o755), "a file on the way")
	require.NoError(t, r.Mkdir("/etc/escape2", 0o700), "the dangling link's target is made inside")
	_, err = os.Stat(host("secret"))
	require.NoError(t, err)
	require.NoError(t, r.Remove("/secret"))
	require.NoError(t, afero.WriteFile(r, "/etc/dirlink/a/b/f", []byte("x"), 0o644))
	require.NoError(t, r.Rename("/real/a/b/f", "/etc/dirlink/a/g"))
	require.NoError(t, r.Link("/real/a/g", "/real/a/h"))
	require.NoError(t, r.Chmod("/etc/abs", 0o711|os.ModeSetuid))
	fi, err = os.Stat(host("real/hosts"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o711)|os.ModeSetuid, fi.Mode(), "chmod follows the link inside")
	mt := time.Unix(1600000000, 0)
	require.NoError(t, r.Chtimes("/etc/chain", mt, mt))
	fi, err = r.Stat("/etc/abs")
	require.NoError(t, err)
	assert.True(t, fi.ModTime().Equal(mt))
	require.NoError(t, r.Chown("/etc/abs", os.Getuid(), os.Getgid()))
	err = r.Remove("/real/a")
	require.Error(t, err, "a directory that is not empty")
	assert.Equal(t, "remove /real/a: directory not empty", err.Error())
	require.NoError(t, r.RemoveAll("/etc/dirlink/a"), "through a link to a directory: its contents go")
	_, err = os.Stat(host("real/a"))
	assert.ErrorIs(t, err, fs.ErrNotExist)
	_, err = os.Stat(host("real/hosts"))
	assert.NoError(t, err)
	for _, err := range []error{
		r.Chmod("/missing/x", 0o644), r.Rename("/missing/x", "/y"), r.Mkdir("/missing/x/y", 0o755),
	} {
		require.ErrorIs(t, err, fs.ErrNotExist)
		assert.NotContains(t, err.Error(), top)
	}
	_, err = r.Stat("/etc/loop")
	assert.ErrorIs(t, err, ErrLoop)
	f, err := r.Open("/etc/dirlink")
	require.NoError(t, err)
	names, err := f.Readdirnames(-1)
	require.NoError(t, err)
	assert.Equal(t, []string{"hosts"}, names)
	assert.Equal(t, "/etc/dirlink", f.Name())
	require.NoError(t, f.Close())
}

// TestSymlink: a link made inside the root reads back, and following it
// stays inside the root.
func TestSymlink(t *testing.T) {
	dir := t.TempDir()
	r, err := NewRoot(dir)
	require.NoError(t, err)
	require.NoError(t, r.MkdirAll("/a/b", 0o755))
	require.NoError(t, afero.WriteFile(r, "/a/target", []byte("x"), 0o644))
	require.NoError(t, r.SymlinkIfPossible("../target", "/a/b/link"))
	got, err := r.ReadlinkIfPossible("/a/b/link")
	require.NoError(t, err)
	assert.Equal(t, "../target", got)
	b, err := afero.ReadFile(r, "/a/b/link")
	require.NoError(t, err)
	assert.Equal(t, "x", string(b))
	require.NoError(t, r.SymlinkIfPossible("/../../../etc/passwd", "/a/esc"))
	_, err = afero.ReadFile(r, "/a/esc")
	assert.Error(t, err, "a link out of the root resolves inside it, where there is no etc/passwd")
	require.Error(t, r.SymlinkIfPossible("x", "/a/b/link"), "exists")
}
