package netxml_test

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// update rewrites golden files: go test -update, or LENSNET_UPDATE=1.
var update = flag.Bool("update", os.Getenv("LENSNET_UPDATE") == "1", "rewrite the golden files under fixtures/network")

// moduleRoot is the folder of go.mod above the test's folder.
func moduleRoot(t testing.TB) string {
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		require.NotEqual(t, parent, dir, "no go.mod above the test")
		dir = parent
	}
}

// fixtures is the project's own network XML: fixtures/network.
func fixtures(t testing.TB) string {
	return filepath.Join(moduleRoot(t), "fixtures", "network")
}

// reference is shared/reference beside the module root (or under
// $LENSNET_SHARED): reference data that is not part of the project.
// The test is skipped when it is absent.
func reference(t testing.TB) string {
	shared := os.Getenv("LENSNET_SHARED")
	if shared == "" {
		shared = filepath.Join(moduleRoot(t), "..", "shared")
	}
	dir := filepath.Join(shared, "reference")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("conformance data %s is absent (set LENSNET_SHARED to the shared folder holding reference/): %v", dir, err)
	}
	return dir
}

// xmlFiles lists the *.xml files of dir, sorted.
func xmlFiles(t testing.TB, dir string) []string {
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no XML in %s", dir)
	return files
}

const schema = "/usr/share/libvirt/schemas/network.rng"

// xmllint validates every file of files against libvirt's network.rng
// in one run, and fails the test naming each file it refuses. It skips
// when xmllint (libxml2-utils) or the schema (libvirt0) is absent.
func xmllint(t *testing.T, files []string) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint is not installed (Debian package libxml2-utils)")
	}
	if _, err := os.Stat(schema); err != nil {
		t.Skipf("%s is absent (Debian package libvirt0)", schema)
	}
	require.NotEmpty(t, files)
	args := append([]string{"--noout", "--relaxng", schema}, files...)
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err == nil {
		return
	}
	for _, line := range strings.Split(string(out), "\n") {
		if line != "" && !strings.HasSuffix(line, " validates") {
			t.Error(line)
		}
	}
	t.Fatalf("xmllint refused some files: %v", err)
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
