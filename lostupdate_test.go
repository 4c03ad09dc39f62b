package lensnet

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/lensnet/lensnet/internal/files"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// diskHandle opens a handle on the real disk under dir, reading every
// file at once.
func diskHandle(t *testing.T, dir string) *Handle {
	t.Helper()
	h, err := Open(Options{Root: dir, LoadAll: true, NoAutoload: true, Transforms: []string{
		"Hosts incl /etc/hosts", "Sysctl incl /etc/sysctl.conf",
	}})
	require.NoError(t, err)
	return h
}

// TestSaveChangedOnDisk: a file changed on disk since the handle loaded
// it is not overwritten: its save fails with an error naming it, the
// other files are saved (augtool overwrites it, losing that change).
func TestSaveChangedOnDisk(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "etc"), 0o755))
	hosts, sysctl := filepath.Join(dir, "etc", "hosts"), filepath.Join(dir, "etc", "sysctl.conf")
	require.NoError(t, os.WriteFile(hosts, []byte("127.0.0.1 localhost\n"), 0o644))
	require.NoError(t, os.WriteFile(sysctl, []byte("vm.swappiness = 1"), 0o644)) // no final newline
	h1, h2 := diskHandle(t, dir), diskHandle(t, dir)

	require.NoError(t, h1.Set("/files/etc/hosts/1/alias[2]", "one"))
	require.NoError(t, h1.Save())
	require.NoError(t, h2.Set("/files/etc/hosts/1/alias[2]", "two"))
	require.NoError(t, h2.Set("/files/etc/sysctl.conf/vm.swappiness", "2"))
	err := h2.Save()
	require.Error(t, err)
	assert.ErrorIs(t, err, files.ErrChanged)
	var fe *FileError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "/etc/hosts", fe.Path)
	assert.Equal(t, "/etc/hosts: changed on disk since it was loaded, not overwritten (load it again and redo the change)", err.Error())
	assert.NotContains(t, err.Error(), dir)
	b, _ := os.ReadFile(hosts)
	assert.Equal(t, "127.0.0.1 localhost one\n", string(b), "the first save's edit is kept")
	b, _ = os.ReadFile(sysctl)
	assert.Equal(t, "vm.swappiness = 2\n", string(b), "the other file is saved (a file without final newline is not taken as changed)")
	v, _, _ := h2.Get("/augeas/files/etc/hosts/error")
	assert.Equal(t, "write_failed", v)

	// after loading again the change goes through
	require.NoError(t, h2.Load())
	require.NoError(t, h2.Set("/files/etc/hosts/1/alias[3]", "two"))
	require.NoError(t, h2.Save())
	b, _ = os.ReadFile(hosts)
	assert.Equal(t, "127.0.0.1 localhost one two\n", string(b))
	// its own saves do not count as changes
	require.NoError(t, h2.Set("/files/etc/hosts/1/alias[4]", "three"))
	require.NoError(t, h2.Save())

	// a file removed since the load is not created again either
	require.NoError(t, os.WriteFile(sysctl, []byte("x = 1\n"), 0o644))
	require.NoError(t, h1.Load())
	require.NoError(t, os.Remove(sysctl))
	require.NoError(t, h1.Set("/files/etc/sysctl.conf/x", "2"))
	assert.ErrorIs(t, h1.Save(), files.ErrChanged)
	_, err = os.Stat(sysctl)
	assert.True(t, errors.Is(err, os.ErrNotExist))

	// nor is a file removed that another process changed since the load;
	// one that is gone already is no error
	require.NoError(t, os.WriteFile(sysctl, []byte("x = 1\n"), 0o644))
	require.NoError(t, h1.Load())
	require.NoError(t, h2.Load())
	require.NoError(t, h2.Set("/files/etc/sysctl.conf/x", "3"))
	require.NoError(t, h2.Save())
	_, err = h1.Remove("/files/etc/sysctl.conf")
	require.NoError(t, err)
	err = h1.Save()
	assert.ErrorIs(t, err, files.ErrChanged)
	b, _ = os.ReadFile(sysctl)
	assert.Equal(t, "x = 3\n", string(b), "the other process's edit is kept")
	require.NoError(t, h1.Load())
	require.NoError(t, os.Remove(sysctl))
	_, err = h1.Remove("/files/etc/sysctl.conf")
	require.NoError(t, err)
	assert.NoError(t, h1.Save())
}

// TestSaveConcurrentNoLostUpdate: handles that load one file and save
// an edit each, concurrently, never lose an edit silently: the file ends
// with exactly the edits whose saves succeeded (the others fail with
// ErrChanged). Before, every save succeeded and most edits were lost.
func TestSaveConcurrentNoLostUpdate(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "etc"), 0o755))
	sysctl := filepath.Join(dir, "etc", "sysctl.conf")
	require.NoError(t, os.WriteFile(sysctl, []byte("base = 0\n"), 0o644))
	const workers, rounds = 4, 10
	var wg sync.WaitGroup
	var mu sync.Mutex
	saved := map[string]bool{}
	var refused atomic.Int64
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range rounds {
				key := fmt.Sprintf("k%d_%d", w, i)
				h, err := Open(Options{Root: dir, NoAutoload: true, Transforms: []string{"Sysctl incl /etc/sysctl.conf"}})
				if !assert.NoError(t, err) {
					return
				}
				if !assert.NoError(t, h.Set("/files/etc/sysctl.conf/"+key, "1")) {
					return
				}
				switch err := h.Save(); {
				case err == nil:
					mu.Lock()
					saved[key] = true
					mu.Unlock()
				case errors.Is(err, files.ErrChanged):
					refused.Add(1)
				default:
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	b, err := os.ReadFile(sysctl)
	require.NoError(t, err)
	got := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		got[strings.TrimSuffix(l, " = 1")] = true
	}
	t.Logf("%d saves succeeded, %d refused", len(saved), refused.Load())
	assert.Equal(t, saved, got, "every successful save's edit is in the file, no other")
	assert.Equal(t, int64(workers*rounds), int64(len(saved))+refused.Load())
}

// TestSaveChangedOnDiskOnDemand: a handle that reads files when first
// needed sees a file as it is then, so a save made by another handle
// before that is no conflict; one made after it is.
func TestSaveChangedOnDiskOnDemand(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "etc"), 0o755))
	hosts := filepath.Join(dir, "etc", "hosts")
	require.NoError(t, os.WriteFile(hosts, []byte("127.0.0.1 localhost\n"), 0o644))
	open := func() *Handle {
		h, err := Open(Options{Root: dir, NoAutoload: true, Transforms: []string{"Hosts incl /etc/hosts"}})
		require.NoError(t, err)
		return h
	}
	h1, h2 := open(), open()
	require.NoError(t, h1.Set("/files/etc/hosts/1/alias[2]", "one"))
	require.NoError(t, h1.Save())
	require.NoError(t, h2.Set("/files/etc/hosts/1/alias[3]", "two")) // reads it now
	require.NoError(t, h2.Save())
	b, _ := os.ReadFile(hosts)
	assert.Equal(t, "127.0.0.1 localhost one two\n", string(b))

	require.NoError(t, h1.Set("/files/etc/hosts/1/alias[2]", "three"))
	assert.ErrorIs(t, h1.Save(), files.ErrChanged, "h1 read it before h2's save")
	b, _ = os.ReadFile(hosts)
	assert.Equal(t, "127.0.0.1 localhost one two\n", string(b))
}
