package files

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// snapshot describes every file under dir: name, mode, size, mtime and
// content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		s := fmt.Sprintf("%v %d %d", fi.Mode(), fi.Size(), fi.ModTime().UnixNano())
		if fi.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			s += " " + string(b)
		}
		out[p] = s
		return nil
	}))
	return out
}

// TestRootExchangeRace: while another goroutine exchanges a directory
// of the root with a symbolic link to a directory outside it
// (renameat2 RENAME_EXCHANGE, in a loop), reads, stats, saves in every
// mode, creations and removals through the Root never read, create or
// change anything outside the root. (Resolving by full path after
// checking each component, 10-15% of the reads returned the outside
// file and saves replaced it.)
func TestRootExchangeRace(t *testing.T) {
	top := t.TempDir()
	dir, outside := filepath.Join(top, "root"), filepath.Join(top, "outside")
	for _, d := range []string{filepath.Join(dir, "d"), outside} {
		require.NoError(t, os.MkdirAll(d, 0o755))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "d", "hosts"), []byte("inside\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(outside, "hosts"), []byte("OUTSIDE\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(outside, "hosts.augsave"), []byte("OUTSIDE\n"), 0o644))
	// the link is absolute on the host: followed by the kernel it leads
	// outside; Root reads it inside the root, where it names nothing
	require.NoError(t, os.Symlink(outside, filepath.Join(dir, "l")))
	before := snapshot(t, outside)
	r, err := NewRoot(dir)
	require.NoError(t, err)

	duration := 3 * time.Second
	if testing.Short() {
		duration = 500 * time.Millisecond
	}
	stop := make(chan struct{})
	var swaps atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		a, b := filepath.Join(dir, "d"), filepath.Join(dir, "l")
		for {
			select {
			case <-stop:
				return
			default:
			}
			if err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE); err != nil {
				t.Errorf("renameat2: %v", err)
				return
			}
			swaps.Add(1)
		}
	}()

	var reads, okReads, saves, okSaves atomic.Int64
	var mu sync.Mutex
	var escaped []string
	saw := func(op string, b []byte) {
		if strings.Contains(string(b), "OUTSIDE") {
			mu.Lock()
			escaped = append(escaped, op)
			mu.Unlock()
		}
	}
	worker := func(id int) {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			for _, name := range []string{"/d/hosts", "/l/hosts", "d/../d/hosts"} {
				reads.Add(4)
				if b, _, _, err := r.ReadFile(name); err == nil {
					okReads.Add(1)
					saw("ReadFile "+name, b)
				}
				r.Batch(func() {
					if b, _, _, err := r.ReadFile(name); err == nil {
						okReads.Add(1)
						saw("batch ReadFile "+name, b)
					}
				})
				if b, err := afero.ReadFile(r, name); err == nil {
					okReads.Add(1)
					saw("Open "+name, b)
				}
				if fi, err := r.Stat(name); err == nil {
					okReads.Add(1)
					if fi.Size() == int64(len("OUTSIDE\n")) && fi.Mode().Perm() == 0o644 {
						// as long as "inside\n": tell them apart by content
						if b, _, _, err := r.ReadFile(name); err == nil {
							saw("Stat "+name, b)
						}
					}
				}
				mode := []Mode{Overwrite, Backup, NewFile}[(i+id)%3]
				saves.Add(1)
				text := fmt.Sprintf("inside %d %d\n", id, i)
				if WriteFile(r, name, text, mode) == nil {
					okSaves.Add(1)
				}
				_ = afero.WriteFile(r, "/d/new", []byte("inside\n"), 0o644)
				_ = r.Chmod("/d/hosts", 0o600)
				_ = r.Chown("/d/hosts", os.Getuid(), os.Getgid())
				_ = r.Chtimes("/d/hosts", time.Unix(1, 0), time.Unix(1, 0))
				_ = r.Mkdir("/d/sub", 0o755)
				_ = r.MkdirAll("/d/sub2/x", 0o755)
				_ = r.Remove("/d/new")
				_ = r.RemoveAll("/d/sub2")
				_ = r.Rename("/d/hosts.augnew", "/d/hosts.renamed")
				_ = r.Link("/d/hosts", "/d/hosts.link")
				_ = r.Remove("/d/hosts.link")
			}
		}
	}
	for id := range 2 {
		wg.Add(1)
		go worker(id)
	}
	time.Sleep(duration)
	close(stop)
	wg.Wait()
	t.Logf("%d exchanges, %d of %d reads and %d of %d saves succeeded", swaps.Load(), okReads.Load(), reads.Load(), okSaves.Load(), saves.Load())
	assert.Empty(t, escaped, "nothing outside the root is read")
	assert.Equal(t, before, snapshot(t, outside), "nothing outside the root is created or changed")
	assert.Positive(t, okReads.Load(), "reads go through meanwhile")
	assert.Positive(t, okSaves.Load(), "saves go through meanwhile")
	assert.Positive(t, swaps.Load())
}
