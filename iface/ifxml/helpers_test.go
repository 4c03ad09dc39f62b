package ifxml_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/lensnet/lensnet/internal/reftest"
	"github.com/stretchr/testify/require"
)

// update rewrites golden files: go test -update, or LENSNET_UPDATE=1.
var update = flag.Bool("update", os.Getenv("LENSNET_UPDATE") == "1", "rewrite the golden files under fixtures/interface")

// fixtures is the project's own interface XML: fixtures/interface.
func fixtures(t testing.TB) string {
	return filepath.Join(reftest.ModuleRoot(t), "fixtures", "interface")
}

// reference is the conformance layer's reference data, or a skip.
func reference(t testing.TB) string { return reftest.Reference(t) }

// xmlFiles lists the *.xml files of dir, sorted.
func xmlFiles(t testing.TB, dir string) []string {
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no XML in %s", dir)
	return files
}

// schema is libvirt's schema of this package's documents.
const schema = "interface.rng"

// xmllint validates every file of files against it.
func xmllint(t *testing.T, files []string) {
	t.Helper()
	reftest.Xmllint(t, schema, files)
}
