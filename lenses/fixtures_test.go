package lenses_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFixtureTrees reads every file of the sample roots under fixtures/
// with the shipped lens whose filter claims it (exactly one must) and
// compares the tree with testdata/fixtures/<root>/<path>.tree
// (LENSNET_UPDATE=1 rewrites them) and with what augtool 1.14 prints for
// the same file with Augeas's lens.
func TestFixtureTrees(t *testing.T) {
	augtool, err := exec.LookPath("augtool")
	if err != nil {
		t.Fatal("augtool is missing: install the augeas-tools package (scripts/test.sh does)")
	}
	filters := map[string]interface{ Matches(string) bool }{}
	for _, m := range shipped {
		filters[m] = transform(t, own(), m).Filter
	}
	n := 0
	for _, fx := range fixtures(t) {
		var module string
		for _, m := range shipped {
			if filters[m].Matches(fx.path) {
				require.Empty(t, module, "%s is claimed by both %s and %s", fx.path, module, m)
				module = m
			}
		}
		if module == "" {
			continue
		}
		n++
		root := filepath.Base(fx.root)
		t.Run(root+fx.path, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(fx.root, filepath.FromSlash(fx.path)))
			require.NoError(t, err)
			text := loaderText(string(b))
			tr, err := lensOf(t, own(), module).Get(text)
			require.NoError(t, err)
			got := dump(tr, fx.path)
			checkGetPut(t, module, tr, text)

			golden := filepath.Join("testdata/fixtures", root, filepath.FromSlash(fx.path)+".tree")
			if update {
				require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			} else {
				want, err := os.ReadFile(golden)
				require.NoError(t, err, "no golden tree (LENSNET_UPDATE=1 writes it)")
				assert.Equal(t, string(want), got, "tree of %s (LENSNET_UPDATE=1 to rewrite)", fx.path)
			}

			abs, err := filepath.Abs(fx.root)
			require.NoError(t, err)
			cmd := exec.Command(augtool, "-r", abs, "-A", "-t", module+" incl "+fx.path)
			cmd.Stdin = strings.NewReader("print /files" + fx.path + "\n")
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "%s", out)
			assert.Equal(t, string(out), got, "augtool's print of %s", fx.path)
		})
	}
	t.Logf("%d fixture files read", n)
	require.NotZero(t, n)
}
