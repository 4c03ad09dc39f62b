package reftest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// ModuleRoot is the folder of go.mod at or above the test's folder.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}

// Reference is the conformance layer's reference data: the folder
// reference of $LENSNET_SHARED, or of the folder shared beside the
// module root. The test is skipped, saying so, when it is absent.
func Reference(t testing.TB) string {
	t.Helper()
	shared := os.Getenv("LENSNET_SHARED")
	if shared == "" {
		shared = filepath.Join(ModuleRoot(t), "..", "shared")
	}
	dir := filepath.Join(shared, "reference")
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Skipf("conformance layer skipped: reference data %s is absent (set LENSNET_SHARED to the shared folder holding reference/)", dir)
	}
	return dir
}

// SchemaDir holds libvirt's RELAX NG schemas (Debian package libvirt0).
const SchemaDir = "/usr/share/libvirt/schemas"

// Xmllint validates every file of files against libvirt's schema
// (interface.rng, network.rng ...) in one run, and fails the test
// naming each file it refuses. It skips when xmllint (libxml2-utils)
// or the schema is absent.
func Xmllint(t *testing.T, schema string, files []string) {
	t.Helper()
	out, ok, err := runXmllint(t, schema, files)
	if !ok || err == nil {
		return
	}
	for _, line := range strings.Split(out, "\n") {
		if line != "" && !strings.HasSuffix(line, " validates") {
			t.Error(line)
		}
	}
	t.Fatalf("xmllint refused some files: %v", err)
}

// XmllintOutput runs xmllint on files against the schema and returns
// what it printed, for tests that expect refusals; it skips as Xmllint
// does.
func XmllintOutput(t *testing.T, schema string, files []string) string {
	t.Helper()
	out, _, _ := runXmllint(t, schema, files)
	return out
}

func runXmllint(t *testing.T, schema string, files []string) (out string, ok bool, err error) {
	t.Helper()
	bin, lerr := exec.LookPath("xmllint")
	if lerr != nil {
		t.Skip("xmllint is not installed (Debian package libxml2-utils)")
		return "", false, nil
	}
	path := filepath.Join(SchemaDir, schema)
	if _, serr := os.Stat(path); serr != nil {
		t.Skipf("%s is absent (Debian package libvirt0): %v", path, serr)
		return "", false, nil
	}
	if len(files) == 0 {
		t.Fatal("no files to validate")
	}
	b, err := exec.Command(bin, append([]string{"--noout", "--relaxng", path}, files...)...).CombinedOutput()
	return string(b), true, err
}
