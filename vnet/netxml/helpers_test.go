package netxml_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/internal/reftest"
	"github.com/stretchr/testify/require"
)

// update rewrites golden files: go test -update, or LENSNET_UPDATE=1.
var update = flag.Bool("update", os.Getenv("LENSNET_UPDATE") == "1", "rewrite the golden files under fixtures/network")

// fixtures is the project's own network XML: fixtures/network.
func fixtures(t testing.TB) string {
	return filepath.Join(reftest.ModuleRoot(t), "fixtures", "network")
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
const schema = "network.rng"

// xmllint validates every file of files against it.
func xmllint(t *testing.T, files []string) {
	t.Helper()
	reftest.Xmllint(t, schema, files)
}

// libvirtData is the folder of libvirt's network test data.
func libvirtData(t testing.TB) string {
	return filepath.Join(reference(t), "libvirt-network-xml")
}

// testCase is one line of cases.tsv.
type testCase struct {
	suite, name, input, fragment, section, command, parentIndex, flags, expected, expect, note string
}

// cases reads cases.tsv, keeping the cases of suite.
func cases(t testing.TB, suite string) []testCase {
	data, err := os.ReadFile(filepath.Join(libvirtData(t), "cases.tsv"))
	require.NoError(t, err)
	var out []testCase
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, "\t")
		require.Len(t, f, 11, "cases.tsv line %d", i+1)
		if f[0] != suite {
			continue
		}
		out = append(out, testCase{f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]})
	}
	require.NotEmpty(t, out, "no %s cases", suite)
	return out
}
