package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOneShotConcurrentKeepsEveryEdit: pairs of one-shot set commands
// on one file, run at the same time, keep all their edits: a run whose
// save finds the file changed since its load runs its command again on
// a fresh load (augtool, and lensnet before, lost about half of them).
func TestOneShotConcurrentKeepsEveryEdit(t *testing.T) {
	pairs := 100
	if testing.Short() {
		pairs = 10
	}
	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "etc"), 0o755))
	conf := filepath.Join(root, "etc", "sysctl.conf")
	require.NoError(t, os.WriteFile(conf, []byte("# edits\n"), 0o644))
	set := func(key string) (int, string) {
		var out, errOut bytes.Buffer
		st := run([]string{"-r", root, "-A", "-t", "Sysctl incl /etc/sysctl.conf",
			"set", "/files/etc/sysctl.conf/" + key, "1"}, strings.NewReader(""), &out, &errOut)
		return st, out.String() + errOut.String()
	}
	for i := range pairs {
		var wg sync.WaitGroup
		for _, side := range []string{"a", "b"} {
			wg.Go(func() {
				st, out := set(fmt.Sprintf("k%s%d", side, i))
				assert.Equal(t, 0, st, out)
				assert.Equal(t, "Saved 1 file(s)\n", out)
			})
		}
		wg.Wait()
	}
	b, err := os.ReadFile(conf)
	require.NoError(t, err)
	for i := range pairs {
		for _, side := range []string{"a", "b"} {
			assert.Contains(t, string(b), fmt.Sprintf("k%s%d = 1\n", side, i))
		}
	}
	assert.Equal(t, 2*pairs+1, strings.Count(string(b), "\n"), "every edit once, nothing else")
}
