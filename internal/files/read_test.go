package files

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRootReadFile reads through links as Open does, never outside the
// root, inside a batch (the fast path: directories known plain) and
// outside one.
func TestRootReadFile(t *testing.T) {
	r, top := sandbox(t)
	mtime := time.Unix(1700000000, 0)
	require.NoError(t, os.Chtimes(filepath.Join(r.Dir(), "real", "hosts"), mtime, mtime))
	for _, batch := range []bool{false, true} {
		read := func(name string) ([]byte, time.Time, error) {
			var b []byte
			var m time.Time
			var err error
			if batch {
				r.Batch(func() {
					_, _ = r.Stat(name) // as a load does before reading
					b, m, _, err = r.ReadFile(name)
				})
			} else {
				b, m, _, err = r.ReadFile(name)
			}
			return b, m, err
		}
		for _, name := range []string{"/real/hosts", "real/hosts", "/etc/abs", "/etc/rel", "/etc/chain", "/etc/dirlink/hosts", "/etc/../real/./hosts"} {
			b, m, err := read(name)
			require.NoError(t, err, name)
			assert.Equal(t, "inside\n", string(b), name)
			assert.True(t, m.Equal(mtime), "%s: mtime %v", name, m)
			assert.Equal(t, len(b)+1, cap(b), "%s: the buffer is the file's size plus one", name)
		}
		for _, name := range []string{"/etc/escape", "/etc/escape2", "/../../secret"} {
			_, _, err := read(name)
			require.ErrorIs(t, err, fs.ErrNotExist, name)
			assert.NotContains(t, err.Error(), top, "errors name files inside the root")
		}
		_, _, err := read("/etc/loop")
		require.ErrorIs(t, err, ErrLoop)
		_, _, err = read("/real")
		require.Error(t, err, "a directory is not read")
		assert.NotContains(t, err.Error(), top)
		_, _, err = read("/etc/missing")
		require.ErrorIs(t, err, fs.ErrNotExist)
		assert.Equal(t, "open /etc/missing: no such file or directory", err.Error())
	}
}

// TestRootReadFileSizes reads empty, small and larger files whole.
func TestRootReadFileSizes(t *testing.T) {
	r, _ := sandbox(t)
	for _, n := range []int{0, 1, 511, 512, 513, 100000} {
		text := strings.Repeat("x", n)
		require.NoError(t, os.WriteFile(filepath.Join(r.Dir(), "etc", "f"), []byte(text), 0o644))
		b, _, _, err := r.ReadFile("/etc/f")
		require.NoError(t, err)
		assert.Equal(t, text, string(b), "size %d", n)
	}
	f := filepath.Join(r.Dir(), "etc", "f")
	for _, perm := range []fs.FileMode{0o600, 0o640, 0o644, 0o755} {
		require.NoError(t, os.Chmod(f, perm))
		_, _, got, err := r.ReadFile("/etc/f")
		require.NoError(t, err)
		assert.Equal(t, perm, got, "the permission bits")
	}
}

// TestRootStatLink: Stat of a link describes its target, also when the
// last component's Lstat is reused for plain files.
func TestRootStatLink(t *testing.T) {
	r, _ := sandbox(t)
	fi, err := r.Stat("/etc/dirlink")
	require.NoError(t, err)
	assert.True(t, fi.IsDir())
	fi, err = r.Stat("/etc/abs")
	require.NoError(t, err)
	assert.True(t, fi.Mode().IsRegular())
	assert.Equal(t, int64(len("inside\n")), fi.Size())
	fi, err = r.Stat("/real/hosts")
	require.NoError(t, err)
	assert.Equal(t, "hosts", fi.Name())
}
