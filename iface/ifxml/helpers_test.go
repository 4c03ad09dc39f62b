package ifxml_test

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
var update = flag.Bool("update", os.Getenv("LENSNET_UPDATE") == "1", "rewrite the golden files under fixtures/interface")

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

// fixtures is the project's own interface XML: fixtures/interface.
func fixtures(t testing.TB) string {
	return filepath.Join(moduleRoot(t), "fixtures", "interface")
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

const schema = "/usr/share/libvirt/schemas/interface.rng"

// xmllint validates every file of files against libvirt's interface.rng
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
