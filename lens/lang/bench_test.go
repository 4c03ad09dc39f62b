package lang

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkAugeasSuite runs all of Augeas's test modules, type checked,
// through lensnet (one loader, as `lensnet check tests/*.aug` does) and,
// side by side in the same run, through augparse (one process per file,
// as augparse takes one file). augparse needs over two minutes: run with
// -benchtime=1x.
func BenchmarkAugeasSuite(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(augeasDist, "tests", "test_*.aug"))
	if len(files) == 0 {
		b.Skip("augeas-lenses not installed")
	}
	b.Run("lensnet", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			out := &switchWriter{}
			ld := NewLoader(Options{Path: []Dir{OSDir(augeasDist)}, TypeCheck: true, Tests: true, Stdout: out,
				Getenv: func(string) string { return "" }})
			for _, f := range files {
				suiteResult(ld, out, f)
			}
		}
	})
	b.Run("lensnet-notypecheck", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			out := &switchWriter{}
			ld := NewLoader(Options{Path: []Dir{OSDir(augeasDist)}, Tests: true, Stdout: out,
				Getenv: func(string) string { return "" }})
			for _, f := range files {
				suiteResult(ld, out, f)
			}
		}
	})
	augparse, err := exec.LookPath("augparse")
	if err != nil {
		b.Log("augparse not installed (package augeas-tools): no side-by-side figures")
		return
	}
	for _, mode := range []struct {
		name  string
		flags []string
	}{{"augparse", nil}, {"augparse-notypecheck", []string{"--notypecheck"}}} {
		b.Run(mode.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				for _, f := range files {
					args := append(append([]string{"-I", augeasDist}, mode.flags...), f)
					if out, err := exec.Command(augparse, args...).CombinedOutput(); err != nil {
						b.Logf("%s: %v\n%s", f, err, out)
					}
				}
			}
		})
	}
}
