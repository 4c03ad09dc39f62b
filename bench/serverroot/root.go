package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/lensnet/lensnet"
	"github.com/lensnet/lensnet/internal/gen"
	"github.com/lensnet/lensnet/lens/lang"
	"github.com/lensnet/lensnet/lenses"
)

// config is what run hands to generate.
type config struct {
	out     string    // the root to write; empty or absent
	lensDir string    // the lens modules and their tests/ (see openOptions)
	ifaces  int       // ifcfg files, and stanzas of /etc/network/interfaces
	log     io.Writer // the summary, and with verbose each file
	verbose bool
}

// maxWild is how many files a module gets, at most, from the globs of
// its filter that have wildcards.
const maxWild = 3

// file is one file of the root and the module whose transform loads it.
type file struct {
	path string // absolute within the root, e.g. /etc/hosts
	mod  *module
	text string
}

// summary counts what generate wrote.
type summary struct {
	files   int
	modules int
	dropped []string // files lensnet did not load, with why
}

// openOptions are the options lensnet opens the root with, reading
// every file: for Augeas's lens directory, lensnet's default search
// path, where lensnet's own modules come before it, as a plain
// "lensnet -r DIR" reads the root; for any other directory, that
// directory only.
func (cfg *config) openOptions() lensnet.Options {
	opts := lensnet.Options{Root: cfg.out, LoadAll: true}
	if filepath.Clean(cfg.lensDir) != lang.SystemDistDir {
		opts.LensPath, opts.NoStdInc = []string{cfg.lensDir}, true
	}
	return opts
}

// generate writes the root cfg describes.
func generate(cfg *config) (*summary, error) {
	if err := checkEmpty(cfg.out); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		return nil, err
	}
	opts := cfg.openOptions()
	ld := lang.NewLoader(lang.Options{Path: lang.DefaultPath(opts.LensPath, opts.NoStdInc, lenses.FS)})
	mods := modules(ld, filepath.Join(cfg.lensDir, "tests"))
	files := plan(mods, fixed(cfg.ifaces))
	for _, f := range files {
		if err := write(cfg.out, f); err != nil {
			return nil, err
		}
	}
	dropped, err := dropFailing(cfg, files)
	if err != nil {
		return nil, err
	}
	sum := &summary{dropped: dropped}
	used := map[*module]bool{}
	for _, f := range files {
		if f.mod != nil {
			sum.files++
			used[f.mod] = true
			if cfg.verbose {
				fmt.Fprintf(cfg.log, "%s\t%s\n", f.path, f.mod.name)
			}
		}
	}
	sum.modules = len(used)
	return sum, nil
}

// fixed returns the files that come from the generators rather than
// from test modules: n ifcfg files, an interfaces file of n stanzas,
// and hosts, resolv.conf, sysctl.conf and a modprobe.d file of a
// server's size.
func fixed(n int) map[string]string {
	out := map[string]string{
		"/etc/hosts":                   gen.Hosts(12),
		"/etc/resolv.conf":             gen.Resolv(3),
		"/etc/sysctl.conf":             gen.Sysctl(60),
		"/etc/modprobe.d/bonding.conf": gen.Modprobe(12),
	}
	if n > 0 {
		out["/etc/network/interfaces"] = gen.Interfaces(n)
	}
	for i := range n {
		out["/etc/sysconfig/network-scripts/"+gen.IfcfgName(i)] = gen.Ifcfg(i)
	}
	return out
}

// plan chooses the root's files: the fixed ones first, then for each
// module, in order, one file at each literal path of its filter and
// up to maxWild at paths made from its wildcard globs, each holding
// one of its samples. A path is left out when its own filter excludes
// it, when another module's filter claims it too (Augeas reports such
// a file as an error under both), when it is taken, or when it would
// need a file where a folder is or the reverse. A fixed file whose
// claiming module's lens does not read it is left out.
func plan(mods []*module, fixed map[string]string) []*file {
	p := &planner{mods: mods, taken: map[string]bool{}, dirs: map[string]bool{}}
	for _, name := range sortedKeys(fixed) {
		if m := p.owner(name); m != nil && m.reads(fixed[name]) {
			p.add(&file{path: name, mod: m, text: fixed[name]})
		}
	}
	for _, m := range mods {
		if len(m.samples) == 0 {
			continue
		}
		next := 0 // the sample the next file gets, in turn
		var wild []string
		for _, g := range m.filter {
			if !g.Include {
				continue
			}
			name, isWild, ok := concrete(g.Pattern, 1)
			switch {
			case !ok:
			case isWild:
				wild = append(wild, g.Pattern)
			case p.free(name, m):
				p.add(&file{path: name, mod: m, text: m.samples[next%len(m.samples)]})
				next++
			}
		}
		// the wildcard files get samples no file of the module has yet
		n := 0
		for k := 1; k <= maxWild && n < maxWild; k++ {
			for _, g := range wild {
				if n == maxWild || next >= len(m.samples) {
					break
				}
				if name, _, _ := concrete(g, k); p.free(name, m) {
					p.add(&file{path: name, mod: m, text: m.samples[next]})
					next++
					n++
				}
			}
		}
	}
	sort.Slice(p.files, func(i, j int) bool { return p.files[i].path < p.files[j].path })
	return p.files
}

type planner struct {
	mods  []*module
	files []*file
	taken map[string]bool // files planned
	dirs  map[string]bool // folders those need
}

// owner returns the one module whose filter claims name, or nil.
func (p *planner) owner(name string) *module {
	var own *module
	for _, m := range p.mods {
		if m.filter.Matches(name) {
			if own != nil {
				return nil
			}
			own = m
		}
	}
	return own
}

// free reports whether m may have a file at name.
func (p *planner) free(name string, m *module) bool {
	if !path.IsAbs(name) || path.Clean(name) != name || p.taken[name] || p.dirs[name] {
		return false
	}
	for d := path.Dir(name); d != "/"; d = path.Dir(d) {
		if p.taken[d] {
			return false
		}
	}
	return p.owner(name) == m
}

func (p *planner) add(f *file) {
	p.files = append(p.files, f)
	p.taken[f.path] = true
	for d := path.Dir(f.path); d != "/"; d = path.Dir(d) {
		p.dirs[d] = true
	}
}

// write writes f under root.
func write(root string, f *file) error {
	name := filepath.Join(root, filepath.FromSlash(f.path))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(f.text), 0o644)
}

// dropFailing opens the root with lensnet and removes the files it
// reports errors for (their file's mod set to nil), with the folders
// that leaves empty. It returns what it removed, with why; a sample
// that a lens reads on its own should load as a file too, so this is
// the exception.
func dropFailing(cfg *config, files []*file) ([]string, error) {
	h, err := lensnet.Open(cfg.openOptions())
	if err != nil {
		return nil, err
	}
	bad := map[string]string{}
	for _, e := range h.Errors() {
		if strings.HasPrefix(e.Path, "/") {
			bad[e.Path] = e.Error()
		}
	}
	var dropped []string
	for _, f := range files {
		why, ok := bad[f.path]
		if !ok {
			continue
		}
		dropped = append(dropped, why)
		f.mod = nil
		name := filepath.Join(cfg.out, filepath.FromSlash(f.path))
		if err := os.Remove(name); err != nil {
			return nil, err
		}
		for d := filepath.Dir(name); d != filepath.Clean(cfg.out); d = filepath.Dir(d) {
			if os.Remove(d) != nil { // not empty
				break
			}
		}
	}
	return dropped, nil
}

// checkEmpty makes sure dir is an empty folder or does not exist.
func checkEmpty(dir string) error {
	ents, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case len(ents) > 0:
		return fmt.Errorf("%s is not empty", dir)
	}
	return nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
