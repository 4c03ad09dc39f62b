package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/lens/lang"
	"github.com/lensnet/lensnet/lens/syntax"
)

// module is a lens module with an autoload transform, as lensnet's
// loader sees it: the files its transform claims, the lens it reads
// them with, and the texts its test module reads with that lens.
type module struct {
	name    string // as the module declares it, e.g. "Hosts"
	lensMod string // the module of the transform's lens (usually name)
	lens    string // the transform's lens in lensMod, e.g. "lns"
	filter  lang.Filter
	get     *lens.Lens // nil when the lens does not compile
	samples []string   // test texts the lens reads without error
}

// modules returns the modules on ld's search path that declare an
// autoload transform, sorted by file name, as lensnet's Open collects
// them (the first directory holding a module wins), with the samples
// from the test modules test_<name>.aug in testDir. A module whose
// filter does not evaluate is left out, as Open leaves it.
func modules(ld *lang.Loader, testDir string) []*module {
	names, dirs := moduleNames(ld.Path())
	ld.Preload(names)
	var out []*module
	for _, n := range names {
		a, err := ld.Autoload(strings.ToUpper(n[:1]) + n[1:])
		if err != nil || a == nil {
			continue
		}
		m := &module{name: a.Module, lensMod: a.Module, lens: "lns", filter: a.Filter}
		if src, err := fs.ReadFile(dirs[n].FS, n+".aug"); err == nil {
			m.lensMod, m.lens = transformLens(n+".aug", string(src), m.lensMod, m.lens)
		}
		if l, err := ld.Lens(m.lensMod + "." + m.lens); err == nil {
			m.get = l
		}
		m.samples = m.readSamples(filepath.Join(testDir, "test_"+n+".aug"))
		out = append(out, m)
	}
	return out
}

// moduleNames lists the modules (file names without ".aug") of the
// search path, sorted, with the directory each is read from.
func moduleNames(path []lang.Dir) ([]string, map[string]lang.Dir) {
	dirs := map[string]lang.Dir{}
	var names []string
	for _, d := range path {
		ms, _ := fs.Glob(d.FS, "*.aug")
		for _, f := range ms {
			n := strings.TrimSuffix(f, ".aug")
			if _, ok := dirs[n]; !ok {
				dirs[n] = d
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	return names, dirs
}

// transformLens finds the lens of the module's autoload transform when
// it is written "transform LENS FILTER" with LENS a name; otherwise it
// returns the defaults given.
func transformLens(file, src, mod, name string) (string, string) {
	ast, err := syntax.Parse(file, src)
	if err != nil || ast.Autoload == "" {
		return mod, name
	}
	for _, d := range ast.Decls {
		l, ok := d.(*syntax.Let)
		if !ok || l.Name != ast.Autoload {
			continue
		}
		outer, ok := l.Body.(*syntax.Apply)
		if !ok {
			return mod, name
		}
		inner, ok := outer.Func.(*syntax.Apply)
		if !ok {
			return mod, name
		}
		if fn, ok := inner.Func.(*syntax.Ident); !ok || fn.Name != "transform" {
			return mod, name
		}
		id, ok := inner.Arg.(*syntax.Ident)
		if !ok {
			return mod, name
		}
		if id.Module != "" {
			mod = id.Module
		}
		return mod, id.Name
	}
	return mod, name
}

// readSamples returns the non-empty texts of the module's test file
// that its lens reads without error; none when the test file is
// missing or does not parse, or the lens does not compile.
func (m *module) readSamples(testFile string) []string {
	if m.get == nil {
		return nil
	}
	src, err := os.ReadFile(testFile)
	if err != nil {
		return nil
	}
	all, err := samples(testFile, string(src), m.lensMod, m.lens)
	if err != nil {
		return nil
	}
	var good []string
	for _, s := range all {
		if s != "" && m.reads(s) {
			good = append(good, s)
		}
	}
	return good
}

// reads reports whether the module's lens reads text without error.
func (m *module) reads(text string) bool {
	if m.get == nil {
		return false
	}
	_, err := m.get.Get(text)
	return err == nil
}

func (m *module) String() string { return fmt.Sprintf("%s (%s.%s)", m.name, m.lensMod, m.lens) }
