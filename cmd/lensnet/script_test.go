package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary run as the lensnet command inside
// testscript scripts.
// The tests run in this process keep the handle's cache in a directory
// of their own, removed at the end, not the user's. A script's lensnet
// (this binary run under that name) keeps the script's: every command
// of a script after the first finds it warm.
func TestMain(m *testing.M) {
	var cache string
	if filepath.Base(os.Args[0]) != "lensnet" {
		var err error
		if cache, err = os.MkdirTemp("", "lensnet-cache-"); err != nil {
			panic(err)
		}
		os.Setenv("LENSNET_CACHE", cache)
	}
	testscript.Main(cleanupM{m, cache}, map[string]func(){
		"lensnet": func() {
			var cfg config
			if os.Getenv("LENSNET_TEST_LAZY") == "1" {
				cfg.lazyMin = 1 // TestScriptsLazy: every file read lazily
			}
			os.Exit(runWith(cfg, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
	})
}

// cleanupM removes the cache directory once the tests ran.
type cleanupM struct {
	m     *testing.M
	cache string
}

func (c cleanupM) Run() int {
	code := c.m.Run()
	_ = os.RemoveAll(c.cache)
	return code
}

// TestScripts runs the end-to-end scripts in testdata/script, one
// behaviour of the CLI each: a small root in the archive, lensnet run on
// it, exact standard output, standard error, exit status and files
// afterwards. LENSNET_UPDATE=1 rewrites the golden sections that cmp
// compares against.
func TestScripts(t *testing.T) {
	p := scriptParams()
	p.UpdateScripts = os.Getenv("LENSNET_UPDATE") == "1"
	testscript.Run(t, p)
}

// TestScriptsLoadAll runs the same scripts reading every file at start
// (LENSNET_LOAD=all) instead of when a command's path reaches it: they
// must give the same output, status and files.
func TestScriptsLoadAll(t *testing.T) { runScriptsWith(t, "LENSNET_LOAD", "all") }

// TestScriptsLazy runs the same scripts with every file read lazily
// (lensnet reads only files of 64 KiB and more so by default): they
// must give the same output, status and files.
func TestScriptsLazy(t *testing.T) { runScriptsWith(t, "LENSNET_TEST_LAZY", "1") }

// runScriptsWith runs the scripts with one more environment variable.
func runScriptsWith(t *testing.T, name, value string) {
	p := scriptParams()
	setup := p.Setup
	p.Setup = func(env *testscript.Env) error {
		env.Setenv(name, value)
		return setup(env)
	}
	testscript.Run(t, p)
}

// scriptParams are the scripts' parameters: their directory, and the
// commands and conditions of script_cmds_test.go.
func scriptParams() testscript.Params {
	return testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Cmds:                scriptCmds,
		Condition:           scriptCondition,
		// the handle's cache goes with the script's temporary files
		// (HOME is /no-home, which a root user could create)
		Setup: func(env *testscript.Env) error {
			env.Setenv("LENSNET_CACHE", filepath.Join(env.Getenv("TMPDIR"), "lensnet-cache"))
			return nil
		},
	}
}
