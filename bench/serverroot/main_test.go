package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Example writes a root from the two small lens modules under
// testdata/lenses; on a server, leave -lenses out to use lensnet's
// search path and Augeas's test modules.
func Example() {
	dir, err := os.MkdirTemp("", "serverroot")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	run([]string{"-o", filepath.Join(dir, "root"), "-lenses", "testdata/lenses", "-ifaces", "0"}, os.Stdout)
	// Output: serverroot: wrote 4 files under 2 lenses
}

func TestRunStatus(t *testing.T) {
	full := t.TempDir()
	assert.NoError(t, os.WriteFile(filepath.Join(full, "x"), nil, 0o644))
	for _, c := range []struct {
		name   string
		args   []string
		status int
		stderr string
	}{
		{"no root", nil, 2, "usage: serverroot -o DIR"},
		{"extra argument", []string{"-o", t.TempDir(), "x"}, 2, "usage:"},
		{"negative count", []string{"-o", t.TempDir(), "-ifaces", "-1"}, 2, "usage:"},
		{"unknown flag", []string{"-x"}, 2, "flag provided but not defined: -x"},
		{"root not empty", []string{"-o", full, "-lenses", "testdata/lenses"}, 1, "serverroot: " + full + " is not empty\n"},
		{"verbose", []string{"-o", filepath.Join(t.TempDir(), "r"), "-lenses", "testdata/lenses", "-ifaces", "0", "-v"}, 0, "/etc/kv.conf\tKv\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stderr bytes.Buffer
			assert.Equal(t, c.status, run(c.args, &stderr))
			assert.Contains(t, stderr.String(), c.stderr)
		})
	}
}

func TestPlural(t *testing.T) {
	assert.Equal(t, "1 lens", plural(1, "lens"))
	assert.Equal(t, "2 lenses", plural(2, "lens"))
	assert.Equal(t, "0 files", plural(0, "file"))
}
