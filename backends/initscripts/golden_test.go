package initscripts

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/lensnet/lensnet/backends/backendstest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", os.Getenv("LENSNET_UPDATE") != "", "rewrite the golden files")

// goldenRoots are hand-written roots: comments, odd quoting, unknown
// keys, every spelling initscripts accepts.
func goldenRoots(t *testing.T) map[string]string {
	roots := map[string]string{"rhel": "../../fixtures/rhel"}
	dirs, err := filepath.Glob("../../fixtures/rhel-iface/*")
	require.NoError(t, err)
	for _, d := range dirs {
		roots[filepath.Base(d)] = d
	}
	return roots
}

// TestGolden: every interface of the hand-written roots reads as its
// golden XML (canonical, through the strict reader), or as its golden
// error; defining what it reads changes no byte of the root.
func TestGolden(t *testing.T) {
	for name, root := range goldenRoots(t) {
		t.Run(name, func(t *testing.T) {
			d := openDir(t, root)
			names, err := d.List()
			require.NoError(t, err)
			require.NotEmpty(t, names)
			tmp := t.TempDir()
			backendstest.CopyDir(t, root, tmp)
			for _, n := range names {
				var got []byte
				ext := ".xml"
				el, err := d.Get(n)
				if err != nil {
					got, ext = []byte(err.Error()+"\n"), ".err"
				} else {
					got, err = backendstest.ToModel(t, el).Marshal()
					require.NoError(t, err)
					w := openDir(t, tmp)
					el, err := w.Get(n)
					require.NoError(t, err)
					require.NoError(t, w.Define(el))
					assert.Empty(t, backendstest.Changed(t, root, tmp), "define %s changed the root", n)
				}
				golden := filepath.Join("testdata/golden", name, n+ext)
				if *update {
					require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
					require.NoError(t, os.WriteFile(golden, got, 0o644))
					continue
				}
				want, err := os.ReadFile(golden)
				if errors.Is(err, os.ErrNotExist) {
					t.Fatalf("%s is missing: run go test -update", golden)
				}
				require.NoError(t, err)
				assert.Equal(t, string(want), string(got), golden)
			}
		})
	}
}
