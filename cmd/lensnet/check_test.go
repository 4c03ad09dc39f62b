package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
}

func TestCheck(t *testing.T) {
	lib := t.TempDir()
	writeFiles(t, lib, map[string]string{
		"kv.aug": `module Kv =
let entry = [ key /[a-z]+/ . del /=/ "=" . store /[0-9]+/ . del /\n/ "\n" ]
let lns = entry*
test lns get "a=1\n" = { "a" = "1" }
`,
	})
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"good.aug": `module Good =
test Kv.lns put "a=1\n" after set "/b" "2" = "a=1\nb=2\n"
test Kv.lns get "b=2\n" = ?
`,
		"failing.aug": `module Failing =
test Kv.lns get "a=1\n" = { "a" = "2" }
`,
		"ambig.aug": `module Ambig =
let lns = [ key /[a-z]+/ . key /[a-z]+/ ]
`,
		"ambig2.aug": `module Ambig2 =
let lns = [ key /[a-z]+/ . del /[a-z]*/ "" ]
`,
		"syntax.aug": "module Syntax =\nlet a = = \"x\"\nlet b = = \"y\"\n",
	})
	cases := []struct {
		name   string
		args   []string
		status int
		stdout string
		stderr string
	}{
		{"passes", []string{"-I", lib, "good.aug"}, 0, "Test result: good.aug:3:1:\n  { \"b\" = \"2\" }\n\n", ""},
		{"trace", []string{"-I", lib, "--trace", "good.aug"}, 0,
			"Module " + filepath.Join(lib, "kv.aug") + " loaded\nTest result: good.aug:3:1:\n  { \"b\" = \"2\" }\n\nModule good.aug loaded\n", ""},
		{"test failure", []string{"-I", lib, "failing.aug"}, 1,
			"Test failure:failing.aug:2:1:\n Expected:\n{ \n  { \"a\" = \"2\" }\n}\n\n Actual:\n{ \n  { \"a\" = \"1\" }\n}\n\n",
			"failing.aug:2:1: test failed: the trees differ\nlensnet check: failed to load failing.aug\n"},
		{"construction error", []string{"ambig.aug"}, 1, "",
			"ambig.aug:2:13: multiple keys/labels in concat"},
		{"type error", []string{"ambig2.aug"}, 1, "",
			"ambig2.aug:2:1: Failed to compile lns: ambiguous concatenation"},
		{"no typecheck", []string{"--notypecheck", "ambig2.aug"}, 0, "", ""},
		{"syntax errors", []string{"syntax.aug"}, 1, "",
			"syntax.aug:2:9: syntax error, unexpected '='\nsyntax.aug:3:9: syntax error, unexpected '='\nlensnet check: failed to load syntax.aug\n"},
		{"missing module", []string{"--nostdinc", "good.aug"}, 1, "", "good.aug:2:6: Could not find module Kv"},
		{"missing file", []string{"nosuch.aug"}, 1, "", "nosuch.aug: no such file or directory"},
		{"several files, one fails", []string{"-I", lib, "good.aug", "failing.aug"}, 1, "", "failed to load failing.aug\n"},
		{"usage", nil, 2, "", "usage: lensnet check"},
		{"bad flag", []string{"--frob", "x.aug"}, 2, "", "flag provided but not defined: -frob"},
	}
	wd, _ := os.Getwd()
	require.NoError(t, os.Chdir(dir))
	defer func() { _ = os.Chdir(wd) }()
	t.Setenv("AUGEAS_LENS_LIB", "")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			status := run(append([]string{"check"}, c.args...), nil, &out, &errb)
			assert.Equal(t, c.status, status, "stderr: %s", errb.String())
			if c.stdout != "" || c.status == 0 {
				assert.Equal(t, c.stdout, out.String())
			}
			assert.Contains(t, errb.String(), c.stderr)
		})
	}
}

func TestCheckEnvLensLib(t *testing.T) {
	lib := t.TempDir()
	writeFiles(t, lib, map[string]string{"lib.aug": "module Lib =\nlet l = [ key /x/ ]\n"})
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"use.aug": "module Use =\ntest Lib.l get \"x\" = { \"x\" }\n"})
	t.Setenv("AUGEAS_LENS_LIB", "/nonexistent:"+lib)
	var out, errb bytes.Buffer
	status := run([]string{"check", "--nostdinc", filepath.Join(dir, "use.aug")}, nil, &out, &errb)
	assert.Equal(t, 0, status, errb.String())
}

// TestOwnLensModules runs the test module of every shipped lens
// (lenses/tests/test_<name>.aug) with `lensnet check`, type checked,
// seeing only the project's own modules (--nostdinc -I lenses): the
// lenses need nothing of Augeas.
func TestOwnLensModules(t *testing.T) {
	files, err := filepath.Glob("../../lenses/tests/test_*.aug")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			status := run(append([]string{"check", "--nostdinc", "-I", "../../lenses"}, f), nil, &stdout, &stderr)
			assert.Equal(t, 0, status, "stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
			assert.Empty(t, stderr.String())
		})
	}
}
