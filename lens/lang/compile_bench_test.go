package lang

import (
	"io/fs"
	"sort"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/lenses"
)

// autoloadModules lists the modules of the default search path (the
// system's lens directories and the embedded lenses), each once, by the
// name Load takes.
func autoloadModules(tb testing.TB, path []Dir) []string {
	seen := map[string]bool{}
	var names []string
	for _, d := range path {
		files, _ := fs.Glob(d.FS, "*.aug")
		for _, f := range files {
			n := strings.TrimSuffix(f, ".aug")
			n = strings.ToUpper(n[:1]) + n[1:]
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		tb.Skip("no lens modules found")
	}
	return names
}

// compileAutoloads compiles, with a fresh loader, the autoload transform
// of every module in names that has one, as a cold start of a handle
// that reads files through all of them does, and returns how many it
// compiled.
func compileAutoloads(tb testing.TB, path []Dir, names []string) int {
	ld := NewLoader(Options{Path: path})
	n := 0
	for _, name := range names {
		m, err := ld.Load(name)
		if err != nil {
			continue // a few of Augeas's modules need what is not installed
		}
		if t, ok := m.Transform(); ok && t.Lens != nil {
			n++
		}
	}
	return n
}

// BenchmarkCompileAutoloads measures compiling the whole autoload
// library in process: every module of the default search path loaded by
// one fresh loader, without type checking, and its autoload transform's
// lens taken (lenses build their automata lazily, so this is the cost of
// evaluating the modules).
//
//	go test ./lens/lang -run '^$' -bench CompileAutoloads -count 10
func BenchmarkCompileAutoloads(b *testing.B) {
	path := DefaultPath(nil, false, lenses.FS)
	names := autoloadModules(b, path)
	if n := compileAutoloads(b, path, names); n == 0 {
		b.Skip("no module has an autoload transform")
	} else {
		b.Logf("%d modules, %d autoload transforms", len(names), n)
	}
	b.ReportAllocs()
	for b.Loop() {
		compileAutoloads(b, path, names)
	}
}
