package lensnet

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"syscall"

	"github.com/lensnet/lensnet/internal/files"
	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/lens/lang"
	"github.com/lensnet/lensnet/lenses"
	"github.com/lensnet/lensnet/tree"
	"github.com/spf13/afero"
)

// Options configure Open.
type Options struct {
	// Fs holds the configuration files; nil means the real disk under
	// Root (Root "" is "/"), with every name kept inside Root.
	Fs   afero.Fs
	Root string

	// LensPath lists directories searched for lens modules before the
	// standard ones (augtool -I); NoStdInc drops the standard ones but
	// $AUGEAS_LENS_LIB (augtool --nostdinc).
	LensPath []string
	NoStdInc bool

	// NoAutoload skips the autoload transforms of the lens modules
	// (augtool -A); Transforms adds transforms written as
	// "Lens incl GLOB" or "Lens excl GLOB" (augtool -t), lens names
	// module-qualified with ".lns" implied.
	NoAutoload bool
	Transforms []string

	// NoLoad opens without loading any file (augtool -L); Load does it
	// later.
	NoLoad bool

	// SaveMode is how Save writes files (/augeas/save); the zero value
	// overwrites.
	SaveMode SaveMode

	// TypeCheck type-checks every lens when its module is loaded.
	TypeCheck bool

	// Span records where each node's label, value and subtree are in
	// its file (/augeas/span = enable), for Span.
	Span bool

	// KeepLayout makes Save keep the layout of every node read from a
	// file, even when nodes before it were removed (lens.PutChangedStable):
	// not augtool's output, which gives later nodes the layout of
	// earlier ones, but what a program editing files for its users
	// wants. The interface backends set it.
	KeepLayout bool

	// LoadAll makes Open read every file the transforms claim, as
	// augtool does. By default Open reads none: it decides which
	// transform reads which file, as Load does, and builds /files
	// without their trees; each file is read the first time a verb's
	// path can reach it. A path that can reach any file (/augeas, a
	// wildcard right under /files, a variable...), Errors, Info and
	// ReadAll read them all first, and so does Save when it writes
	// under /augeas/files (a file that fails to save, a removed or a
	// new file). Nothing a verb shows differs from a full load
	// (ondemand.go has the rule), except that a file is read when it is
	// first needed, so it is seen as it is then. Nodes reached from the
	// nodes MatchNodes returns by other means than a path (Parent,
	// their siblings' children) may stand for files not read yet: call
	// ReadAll before walking the tree that way.
	LoadAll bool

	// CacheDir is where Open keeps the autoload filters of the lens
	// library it found, keyed by the modules' content and the
	// environment the filters read (autoloadcache.go), so that the next
	// Open need not parse the library, and, for a root on disk (Fs nil),
	// the trees and parse errors each lens read, keyed by the text
	// (SHA-256), the library, the environment it read and the lensnet
	// build (parsecache.go), so that a file read again unchanged needs
	// neither its lens compiled nor its text parsed. Every file is still
	// read; files others may not read are never stored. "" keeps no
	// cache. The command uses the user's cache directory.
	CacheDir string

	// LazyMin is the file size from which Load leaves the levels below
	// a file's top-level nodes unread until something looks at them
	// (lens.GetLazy): a command that changes one stanza of a large
	// interfaces file then does not build the trees of the others. 0
	// means 64 KiB; a negative value reads every file in full.
	LazyMin int
}

// Handle is an open root: the tree of the loaded files under /files
// and Augeas's metadata under /augeas. A Handle is not safe for
// concurrent use, not even by verbs that only read: a read may read
// files into the tree (Options.LoadAll). Callers that share one
// serialize every call, including those on nodes it returned. Several
// handles, in one process or several, may work on the same root: each
// has its own tree, and Save refuses to overwrite a file changed since
// its handle read it (ErrChanged).
type Handle struct {
	fs     afero.Fs
	ld     *lang.Loader
	ldOpts lang.Options          // ld's, for a fresh one
	root   *tree.Node            // hidden; children augeas and files
	lenses map[string]lensResult // compiled transform lenses by name
	spans  bool                  // /augeas/span was enable at the last Load
	files  map[string]*fileRec   // by absolute file path
	failed map[string]bool       // files that did not load: never written
	// made holds the nodes mkdirs created during Load, which builds
	// /files and /augeas/files afresh: a missing entry means a missing
	// node, so no sibling list is scanned (10,000 files in one directory
	// stay linear). Nil outside Load.
	made  map[dirKey]*tree.Node
	vars  tree.Vars // DefineVariable / DefineNode
	paths pathCache // the parses of the path strings used last

	lz *onDemand // the files not read yet (unless Options.LoadAll); nil once all are

	cacheDir string       // Options.CacheDir
	env      *envRecorder // Sys.getenv and Sys.read_file of the lens modules
	libKey   string       // the lens library's stat key (statKey), once known
	pc       *parseCache  // once a read needed it (parseCacheFor)
	parsed   int          // files read by their lens, not from the parse cache

	lazyMin    int  // Options.LazyMin, with its default applied
	keepLayout bool // Options.KeepLayout
}

type dirKey struct {
	parent *tree.Node
	label  string
}

// xform is one transform of /augeas/load: a named lens and the files
// it claims.
type xform struct {
	key    string     // the entry's label, e.g. "Hosts"
	node   *tree.Node // /augeas/load/<key>
	name   string     // the lens, e.g. "@Hosts" or "Hosts.lns"
	filter lang.Filter
}

// Open returns a handle on the root the options describe and, unless
// NoLoad is set, loads every file a transform claims.
func Open(opts Options) (*Handle, error) {
	fsys := opts.Fs
	if fsys == nil {
		dir := opts.Root
		if dir == "" {
			dir = "/"
		}
		if err := checkRoot(afero.NewOsFs(), dir, dir); err != nil {
			return nil, err
		}
		r, err := files.NewRoot(dir)
		if err != nil {
			return nil, err
		}
		fsys = r
	} else if err := checkRoot(fsys, "/", "/"); err != nil {
		return nil, err
	}
	mode, ok := opts.SaveMode.fileMode()
	if !ok {
		return nil, fmt.Errorf("invalid save mode %v", opts.SaveMode)
	}
	env := &envRecorder{}
	ldOpts := lang.Options{Path: lang.DefaultPath(opts.LensPath, opts.NoStdInc, lenses.FS), TypeCheck: opts.TypeCheck,
		Getenv: env.getenv, ReadFile: env.read}
	h := &Handle{
		fs:         fsys,
		ld:         lang.NewLoader(ldOpts),
		ldOpts:     ldOpts,
		env:        env,
		cacheDir:   opts.CacheDir,
		root:       tree.NewHidden(),
		files:      map[string]*fileRec{},
		lenses:     map[string]lensResult{},
		lazyMin:    opts.LazyMin,
		keepLayout: opts.KeepLayout,
	}
	if h.lazyMin == 0 {
		h.lazyMin = defaultLazyMin
	}
	h.root.Append(tree.New("augeas"), tree.New("files"))
	root := opts.Root
	if opts.Fs != nil || root == "" {
		root = "/"
	}
	h.initMeta(root, mode, opts.Span)
	if !opts.NoAutoload {
		h.metaNode("load")
		if err := h.autoload(); err != nil {
			return nil, err
		}
	}
	if !opts.NoLoad { // as augtool: /augeas/files, then /augeas/load
		h.metaNode("files")
		h.metaNode("load")
	}
	for _, t := range opts.Transforms {
		if err := h.addTransform(t); err != nil {
			return nil, err
		}
	}
	switch {
	case opts.NoLoad:
	case !opts.LoadAll:
		if b, ok := h.fs.(files.Batcher); ok {
			b.Batch(h.deferLoad)
		} else {
			h.deferLoad()
		}
	default:
		if err := h.Load(); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// checkRoot makes sure that dir, the root, is a directory that can be
// listed: a root that is missing or cannot be read is an error (augtool
// 1.14 loads nothing from it and goes on as if it were empty). The
// error names the root as the user gave it (shown) with the cause
// alone, so no other host path shows.
func checkRoot(fsys afero.Fs, dir, shown string) error {
	st, err := fsys.Stat(dir)
	if err == nil && !st.IsDir() {
		err = syscall.ENOTDIR
	}
	if err == nil {
		var f afero.File
		if f, err = fsys.Open(dir); err == nil {
			_, err = f.Readdirnames(1)
			_ = f.Close()
			if errors.Is(err, io.EOF) {
				err = nil
			}
		}
	}
	if err == nil {
		return nil
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("root %s: %w", shown, err)
}

// autoload collects the autoload transform of every module on the lens
// search path (the first directory holding a module name wins). Only
// the filters are evaluated: a module's lenses are compiled when a file
// its transform claims is loaded (lensOf), and a module whose lens
// fails then claims no file, as if it had never been autoloaded.
func (h *Handle) autoload() error {
	dirs := h.ld.Path()
	mods := libraryModules(dirs)
	var cache *autoloadCache
	if h.cacheDir != "" {
		var entries []autoloadEntry
		entries, cache = lookupAutoload(h.cacheDir, dirs, mods)
		if cache != nil {
			h.libKey = cache.stat
		}
		if entries != nil {
			for _, e := range entries {
				h.addLoad(e.Module, "@"+e.Module, e.Filter)
			}
			return nil
		}
	}
	names := make([]string, len(mods))
	for i, m := range mods {
		names[i] = m.name
	}
	h.env.on, h.env.env, h.env.readFile = true, map[string]string{}, false
	defer func() { h.env.on = false }()
	h.ld.Preload(names)
	var entries []autoloadEntry
	for _, m := range loadOrder(h.ld, mods) {
		n := m.name
		a, err := h.ld.Autoload(strings.ToUpper(n[:1]) + n[1:])
		if err != nil {
			// a module that does not load claims no files; augtool
			// reports it and goes on
			continue
		}
		if a != nil {
			h.addLoad(a.Module, "@"+a.Module, a.Filter)
			entries = append(entries, autoloadEntry{Module: a.Module, Filter: a.Filter})
		}
	}
	if cache != nil && !h.env.readFile {
		cache.store(entries, h.env.env)
	}
	// The filters are all autoload keeps. The loader holds every module
	// of the library parsed (about 7 MB for Augeas's 230), most of which
	// no file of the root needs: a fresh loader parses again only the
	// modules of the lenses compiled, as after a cached autoload.
	h.ld = lang.NewLoader(h.ldOpts)
	return nil
}

// loadOrder is the order in which augtool loads the modules, and so
// lists their autoload transforms: each module of mods in turn, after
// the modules it imports (lang.Loader.Imports), recursively, each once.
func loadOrder(ld *lang.Loader, mods []moduleFile) []moduleFile {
	byName := make(map[string]moduleFile, len(mods))
	for _, m := range mods {
		byName[strings.ToLower(m.name)] = m
	}
	seen := make(map[string]bool, len(mods))
	out := make([]moduleFile, 0, len(mods))
	var visit func(name string)
	visit = func(name string) {
		k := strings.ToLower(name)
		m, ok := byName[k]
		if !ok || seen[k] {
			return
		}
		seen[k] = true
		imports, _ := ld.Imports(strings.ToUpper(k[:1]) + k[1:])
		for _, i := range imports {
			visit(i)
		}
		out = append(out, m)
	}
	for _, m := range mods {
		visit(m.name)
	}
	return out
}

// addTransform adds "Lens incl GLOB" / "Lens excl GLOB" to the
// transform /augeas/load/<Module> and makes Lens its lens, as augtool's
// transform command does. The lens is looked up when a file is loaded;
// a missing one is reported then (Errors).
func (h *Handle) addTransform(spec string) error {
	f := strings.Fields(spec)
	if len(f) != 3 || (f[1] != "incl" && f[1] != "excl") {
		return fmt.Errorf("invalid transform %q: expected LENS incl|excl GLOB", spec)
	}
	name := f[0]
	if !strings.Contains(name, ".") {
		name += ".lns"
	}
	key := name[:strings.IndexByte(name, '.')]
	if key == "" {
		return fmt.Errorf("invalid transform %q: the lens needs a module name", spec)
	}
	h.addLoad(key, name, lang.Filter{{Include: f[1] == "incl", Pattern: f[2]}})
	return nil
}

// filesNode returns /files.
func (h *Handle) filesNode() *tree.Node { return h.root.Child(1) }

// augeasNode returns /augeas.
func (h *Handle) augeasNode() *tree.Node { return h.root.Child(0) }

// defaultLazyMin is Options.LazyMin's default: smaller files are read in
// full (a lazy node costs a second look at its text when it is opened).
const defaultLazyMin = 64 << 10

// Transform adds a transform written as augtool's -t takes it,
// "Lens incl GLOB" or "Lens excl GLOB"; Load applies it.
func (h *Handle) Transform(spec string) error {
	h.loadAll()
	return h.addTransform(spec)
}

// addLoad adds the globs of filter to the transform /augeas/load/<key>,
// creating it with lensName, or giving it lensName, as augtool's
// transform command does. Globs are written in the reverse of the
// filter's order, as Augeas lists them.
func (h *Handle) addLoad(key, lensName string, filter lang.Filter) {
	load := h.metaNode("load")
	x := child(load, key)
	if x == nil {
		x = tree.New(key)
		load.Append(x)
	}
	set(x, "lens", lensName)
	for i := len(filter) - 1; i >= 0; i-- {
		g := filter[i]
		kind := "excl"
		if g.Include {
			kind = "incl"
		}
		x.Append(tree.NewValue(kind, g.Pattern))
	}
}

// transforms reads the transforms from /augeas/load, where autoload,
// Transform and users (set /augeas/load/X/lens ...) put them. Each
// transform's lens is compiled when a file it claims is read or written
// (lensOf).
func (h *Handle) transforms() []*xform {
	load := child(h.augeasNode(), "load")
	if load == nil {
		return nil
	}
	var out []*xform
	for _, n := range load.Children() {
		key, ok := n.Label()
		if !ok {
			continue
		}
		x := &xform{key: key, node: n}
		for _, c := range n.Children() {
			l, _ := c.Label()
			v, _ := c.Value()
			switch l {
			case "lens":
				x.name = v
			case "incl", "excl":
				x.filter = append(x.filter, lang.Glob{Include: l == "incl", Pattern: v})
			}
		}
		out = append(out, x)
	}
	return out
}

// lensOf compiles (once per lens name) the lens of a transform: "@Mod"
// is the lens of module Mod's autoload transform, "Mod.name" a lens
// of module Mod. The result, lens or error, is kept: Load records the
// error of a lens that cannot be found or compiled under
// /augeas/load/<key>/error, as Augeas does (setLoadError).
func (h *Handle) lensOf(x *xform) (*lens.Lens, error) {
	if r, ok := h.lenses[x.name]; ok {
		return r.lens, r.err
	}
	var l *lens.Lens
	var err error
	switch {
	case x.name == "":
		err = fmt.Errorf("transform %s has no lens", x.key)
	case strings.HasPrefix(x.name, "@"):
		var m *lang.Module
		if m, err = h.ld.Load(x.name[1:]); err == nil {
			if t, ok := m.Transform(); ok {
				l = t.Lens
			} else {
				err = fmt.Errorf("module %s has no autoload transform", x.name[1:])
			}
		}
	default:
		l, err = h.ld.Lens(x.name)
	}
	if h.lenses == nil {
		h.lenses = map[string]lensResult{}
	}
	h.lenses[x.name] = lensResult{l, err}
	return l, err
}

type lensResult struct {
	lens *lens.Lens
	err  error
}

// namedLens compiles a lens given as "Module.name" ("Module" alone
// means Module.lns).
func (h *Handle) namedLens(name string) (*lens.Lens, error) {
	if !strings.Contains(name, ".") {
		name += ".lns"
	}
	l, err := h.lensOf(&xform{name: name})
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrNoLens, err)
	}
	return l, nil
}
