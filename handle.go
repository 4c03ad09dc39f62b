package lensnet

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

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

	// SaveMode is how Save writes files (the zero value overwrites).
	SaveMode files.Mode

	// TypeCheck type-checks every lens when its module is loaded.
	TypeCheck bool

	// Span records where each node's label, value and subtree are in
	// its file (/augeas/span = enable), for Span.
	Span bool

	// LazyMin is the file size from which Load leaves the levels below
	// a file's top-level nodes unread until something looks at them
	// (lens.GetLazy): a command that changes one stanza of a large
	// interfaces file then does not build the trees of the others. 0
	// means 64 KiB; a negative value reads every file in full.
	LazyMin int
}

// Handle is an open root: the tree of the loaded files under /files
// and Augeas's metadata under /augeas. Handles are not safe for
// concurrent use.
type Handle struct {
	fs     afero.Fs
	ld     *lang.Loader
	root   *tree.Node            // hidden; children augeas and files
	lenses map[string]lensResult // compiled transform lenses by name
	spans  bool                  // /augeas/span was enable at the last Load
	files  map[string]*fileRec   // by absolute file path
	failed map[string]bool       // files that did not load: never written
	// made holds the nodes mkdirs created during Load, which builds
	// /files and /augeas/files afresh: a missing entry means a missing
	// node, so no sibling list is scanned (10,000 files in one directory
	// stay linear). Nil outside Load.
	made map[dirKey]*tree.Node
	vars tree.Vars // DefineVariable / DefineNode

	lazyMin int // Options.LazyMin, with its default applied
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

// fileRec is a loaded file: its text, lens and the tree as loaded (to
// tell whether it changed).
type fileRec struct {
	path string
	xf   *xform
	lens *lens.Lens
	text string
	// node is the file's node as loaded. While fresh, the spans and
	// change marks of its tree describe the edits made since text was
	// read, so that Save can write only what changed (lens.PutChanged);
	// once a save rewrote text they no longer do.
	node  *tree.Node
	fresh bool
	// layout is the top level's layout as read (lens.GetLayout), for
	// PutChangedLayout while fresh
	layout *lens.Layout
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
		r, err := files.NewRoot(dir)
		if err != nil {
			return nil, err
		}
		fsys = r
	}
	mode := opts.SaveMode
	if mode == files.InvalidMode {
		mode = files.Overwrite
	}
	h := &Handle{
		fs:      fsys,
		ld:      lang.NewLoader(lang.Options{Path: lang.DefaultPath(opts.LensPath, opts.NoStdInc, lenses.FS), TypeCheck: opts.TypeCheck}),
		root:    tree.NewHidden(),
		files:   map[string]*fileRec{},
		lenses:  map[string]lensResult{},
		lazyMin: opts.LazyMin,
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
	if !opts.NoLoad {
		if err := h.Load(); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// autoload collects the autoload transform of every module on the lens
// search path (the first directory holding a module name wins). Only
// the filters are evaluated: a module's lenses are compiled when a file
// its transform claims is loaded (lensOf), and a module whose lens
// fails then claims no file, as if it had never been autoloaded.
func (h *Handle) autoload() error {
	seen := map[string]bool{}
	var names []string
	for _, d := range h.ld.Path() {
		ms, _ := fs.Glob(d.FS, "*.aug")
		for _, m := range ms {
			name := strings.TrimSuffix(m, ".aug")
			if !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	for _, n := range names {
		a, err := h.ld.Autoload(strings.ToUpper(n[:1]) + n[1:])
		if err != nil {
			// a module that does not load claims no files; augtool
			// reports it and goes on
			continue
		}
		if a != nil {
			h.addLoad(a.Module, "@"+a.Module, a.Filter)
		}
	}
	return nil
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

// Load reads every file a transform claims into /files, replacing what
// was loaded before. A file that fails to parse gets no /files subtree;
// its error is under /augeas/files/<path>/error (see Errors).
func (h *Handle) Load() (err error) {
	if b, ok := h.fs.(interface{ Batch(func()) }); ok {
		b.Batch(func() { err = h.load() })
		return err
	}
	return h.load()
}

func (h *Handle) load() error {
	h.filesNode().SetChildren(nil)
	h.files = map[string]*fileRec{}
	h.failed = map[string]bool{}
	h.made = map[dirKey]*tree.Node{}
	defer func() { h.made = nil }()
	sp, _ := h.metaValue("span")
	h.spans = sp == "enable"
	meta := h.metaNode("files")
	meta.SetChildren(nil)
	h.made[dirKey{h.augeasNode(), "files"}] = meta
	h.metaNode("load")
	xfs := h.transforms()
	globbed, regular, err := h.globAll(xfs)
	if err != nil {
		return err
	}
	claimed := map[string]*xform{}
	var paths []string
	for _, x := range xfs {
		if e := child(x.node, "error"); e != nil {
			e.Detach()
		}
		if !strings.HasPrefix(x.name, "@") {
			// an explicit transform's lens is looked up even when it
			// claims no file, so that a wrong name is reported; an
			// autoloaded module's lens is compiled when needed
			if _, err := h.lensOf(x); err != nil {
				h.setLoadError(x, err)
				continue
			}
		}
	globs:
		for _, g := range x.filter {
			if !g.Include {
				continue
			}
			for _, p := range globbed[g.Pattern] {
				if !x.filter.Matches(p) || !regular[p] {
					continue
				}
				if _, err := h.lensOf(x); err != nil {
					// a module whose lens fails claims no file, as if
					// it had not been autoloaded (autoload reads only
					// its filter); the error is under /augeas/load
					h.setLoadError(x, err)
					break globs
				}
				if prev, ok := claimed[p]; ok && prev != x {
					h.failed[p] = true
					h.setError(p, "mxfm_load", "Lenses "+prev.name+" and "+x.name+" could be used to load this file")
					continue
				}
				if _, ok := claimed[p]; !ok {
					paths = append(paths, p)
				}
				claimed[p] = x
			}
		}
	}
	sort.Strings(paths)
	var todo []string
	for _, p := range paths {
		if !h.failed[p] { // claimed by two transforms: not loaded
			todo = append(todo, p)
		}
	}
	for i, r := range h.readFiles(todo, claimed) {
		h.attach(todo[i], claimed[todo[i]], r)
	}
	tree.ClearChanges(h.filesNode()) // nothing loaded counts as modified
	return nil
}

// loadFile reads one file with its transform's lens.
func (h *Handle) loadFile(p string, x *xform) {
	h.attach(p, x, h.readFiles([]string{p}, map[string]*xform{p: x})[0])
}

// readResult is one file read and parsed, not yet in the tree.
type readResult struct {
	text  string
	mtime int64
	lens  *lens.Lens
	tree  *tree.Node
	lay   *lens.Layout
	err   error // reading the file
	lerr  error // compiling the lens
	gerr  error // parsing the text
}

// readFiles reads and parses the files, in parallel over the processors
// (lenses are safe for concurrent use; each is compiled first, here).
// The results are in the order of paths, so the tree is built the same
// way whatever the scheduling.
func (h *Handle) readFiles(paths []string, claimed map[string]*xform) []readResult {
	out := make([]readResult, len(paths))
	for i, p := range paths {
		out[i].lens, out[i].lerr = h.lensOf(claimed[p])
	}
	work := func(i int) {
		r := &out[i]
		if r.lerr != nil {
			return
		}
		b, mtime, err := readFile(h.fs, paths[i])
		if err != nil {
			r.err = err
			return
		}
		r.text, r.mtime = b, mtime
		if !strings.HasSuffix(r.text, "\n") {
			r.text += "\n" // as Augeas's loader does
		}
		if h.lazyMin >= 0 && len(r.text) >= h.lazyMin {
			r.tree, r.lay, r.gerr = r.lens.GetLazy(r.text)
		} else {
			r.tree, r.lay, r.gerr = r.lens.GetLayout(r.text)
		}
	}
	parallel(len(paths), work)
	return out
}

// defaultLazyMin is Options.LazyMin's default: smaller files are read in
// full (a lazy node costs a second look at its text when it is opened).
const defaultLazyMin = 64 << 10

// parallel runs work(0..n-1) over as many goroutines as processors.
func parallel(n int, work func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			work(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				work(i)
			}
		}()
	}
	wg.Wait()
}

// globAll expands every include glob of the transforms once and tells
// which of the files their filters keep are regular files (looked up in
// parallel: with 10,000 files the lookups are a good part of a load).
func (h *Handle) globAll(xfs []*xform) (map[string][]string, map[string]bool, error) {
	globbed := map[string][]string{}
	seen := map[string]bool{}
	var cands []string
	for _, x := range xfs {
		for _, g := range x.filter {
			if !g.Include {
				continue
			}
			ms, ok := globbed[g.Pattern]
			if !ok {
				var err error
				if ms, err = afero.Glob(h.fs, g.Pattern); err != nil {
					return nil, nil, fmt.Errorf("transform %s: %w", x.name, err)
				}
				globbed[g.Pattern] = ms
			}
			for _, p := range ms {
				if !seen[p] && x.filter.Matches(p) {
					seen[p] = true
					cands = append(cands, p)
				}
			}
		}
	}
	isReg := make([]bool, len(cands))
	parallel(len(cands), func(i int) {
		st, err := h.fs.Stat(cands[i])
		isReg[i] = err == nil && st.Mode().IsRegular()
	})
	regular := make(map[string]bool, len(cands))
	for i, p := range cands {
		regular[p] = isReg[i]
	}
	return globbed, regular, nil
}

// attach puts a read file's tree under /files and its metadata under
// /augeas/files, or records why it could not be read.
func (h *Handle) attach(p string, x *xform, r readResult) {
	switch {
	case r.lerr != nil:
		h.failed[p] = true
		h.setLoadError(x, r.lerr)
		return
	case r.err != nil:
		h.failed[p] = true
		h.setError(p, "read_failed", r.err.Error())
		return
	case r.gerr != nil:
		h.failed[p] = true
		h.setGetError(p, x, r.gerr)
		return
	}
	l, t, text, mtime := r.lens, r.tree, r.text, r.mtime
	fileNode := h.mkdirs(h.filesNode(), p)
	kids := t.Children()
	t.SetChildren(nil) // frees the nodes in one pass (Detach one by one is quadratic)
	fileNode.SetChildren(kids)
	tree.ClearChanges(fileNode)
	tree.SetFileRoot(fileNode, true)
	meta := h.mkdirs(h.augeasNode(), "/files"+p)
	meta.Append(tree.NewValue("path", "/files"+p), tree.NewValue("mtime", strconv.FormatInt(mtime, 10)))
	ln := tree.NewValue("lens", x.name)
	ln.Append(tree.NewValue("info", lensInfo(l)))
	meta.Append(ln)
	h.files[p] = &fileRec{path: p, xf: x, lens: l, text: text, node: fileNode, fresh: true, layout: r.lay}
}

// setLoadError records that a transform's lens cannot be used, under
// /augeas/load/<key>/error as Augeas does.
func (h *Handle) setLoadError(x *xform, err error) {
	if child(x.node, "error") != nil {
		return
	}
	e := tree.NewValue("error", "Can not find lens "+x.name)
	x.node.Append(e)
	set(e, "message", err.Error())
}

// lensInfo is where a lens was written (file:line:col), for
// /augeas/files/<f>/lens/info.
func lensInfo(l *lens.Lens) string {
	if in := l.Info(); in.Start.IsValid() {
		return in.Start.String()
	}
	return l.Info().String()
}

// readFile reads a file and its modification time (Unix seconds). The
// text is read into a buffer of the file's size (as os.ReadFile does),
// which then becomes the string without a copy: nothing else holds the
// buffer, so it is never written again (as in strings.Builder). Loading
// a 1 MB file spent a tenth of its time in io.ReadAll's growing buffer
// and the string() copy.
func readFile(fsys afero.Fs, p string) (string, int64, error) {
	if rf, ok := fsys.(fileReader); ok {
		b, mtime, err := rf.ReadFile(p)
		if err != nil || len(b) == 0 {
			return "", mtime.Unix(), err
		}
		return unsafe.String(&b[0], len(b)), mtime.Unix(), nil
	}
	f, err := fsys.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", 0, err
	}
	buf, err := files.ReadAll(f.Read, st.Size())
	if err != nil {
		return "", 0, err
	}
	if len(buf) == 0 {
		return "", st.ModTime().Unix(), nil
	}
	return unsafe.String(&buf[0], len(buf)), st.ModTime().Unix(), nil
}

// fileReader is a file system that reads a whole file in one call, with
// fewer system calls than Open, Stat and Read (files.Root).
type fileReader interface {
	ReadFile(name string) ([]byte, time.Time, error)
}

// setGetError records a parse failure as augtool shows it.
func (h *Handle) setGetError(p string, x *xform, err error) {
	describeGetError(h.setError(p, "parse_failed", err.Error()), x.name, err)
	set(h.mkdirs(h.augeasNode(), "/files"+p), "lens", x.name)
}

// describeGetError fills a parse_failed error node as Augeas does: the
// position, the lens part that failed (after the transform's lens name)
// and the message.
func describeGetError(e *tree.Node, lensName string, err error) {
	var ge *lens.GetError
	if !errors.As(err, &ge) {
		set(e, "message", err.Error())
		return
	}
	set(e, "pos", fmt.Sprint(ge.Pos.Offset))
	set(e, "line", fmt.Sprint(ge.Pos.Line))
	set(e, "char", fmt.Sprint(ge.Pos.Column-1))
	set(e, "lens", lensName+": "+ge.Lens.String())
	set(e, "message", ge.Msg)
}

// setError stores /augeas/files/<p>/error = kind with a message and
// returns the error node.
func (h *Handle) setError(p, kind, msg string) *tree.Node {
	meta := h.mkdirs(h.augeasNode(), "/files"+p)
	if old := child(meta, "error"); old != nil {
		old.Detach()
	}
	e := tree.NewValue("error", kind)
	meta.Append(e)
	set(e, "message", msg)
	return e
}

// FileError is a file's load or save error, from /augeas/files.
type FileError struct {
	Path string // the file, e.g. /etc/hosts
	Kind string // parse_failed, read_failed, put_failed, ...
	Line int    // for parse errors, 1-based; 0 if unknown
	Char int    // for parse errors, 0-based column
	Lens string // for parse and put errors, the lens part that failed
	Node string // for put errors, the tree node that does not fit
	Msg  string
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d.%d: %s (%s)", e.Path, e.Line, e.Char, e.Msg, e.Kind)
	}
	return fmt.Sprintf("%s: %s (%s)", e.Path, e.Msg, e.Kind)
}

// Errors returns the load and save errors of files (Path the file,
// e.g. /etc/hosts), of transforms whose lens is missing (Path the
// transform, e.g. Hosts) and of store (Path the tree path stored to,
// without its leading "/"), in that order.
func (h *Handle) Errors() []*FileError {
	var out []*FileError
	var walk func(n *tree.Node, p string)
	walk = func(n *tree.Node, p string) {
		for _, c := range n.Children() {
			l, _ := c.Label()
			if l != "error" {
				walk(c, p+"/"+l)
				continue
			}
			kind, _ := c.Value()
			fe := &FileError{Path: p, Kind: kind}
			fe.Msg, _ = valueOf(c, "message")
			fe.Lens, _ = valueOf(c, "lens")
			fe.Node, _ = valueOf(c, "path")
			if s, ok := valueOf(c, "line"); ok {
				fmt.Sscan(s, &fe.Line)
			}
			if s, ok := valueOf(c, "char"); ok {
				fmt.Sscan(s, &fe.Char)
			}
			out = append(out, fe)
		}
	}
	if fn := child(h.augeasNode(), "files"); fn != nil {
		walk(fn, "")
	}
	if ln := child(h.augeasNode(), "load"); ln != nil {
		for _, x := range ln.Children() {
			if e := child(x, "error"); e != nil {
				key, _ := x.Label()
				kind, _ := e.Value()
				msg, _ := valueOf(e, "message")
				out = append(out, &FileError{Path: key, Kind: kind, Msg: msg})
			}
		}
	}
	if tn := child(h.augeasNode(), "text"); tn != nil {
		for _, c := range tn.Children() {
			l, _ := c.Label()
			walk(c, l)
		}
	}
	return out
}

// mkdirs returns the node at the slash-separated path under n, creating
// missing nodes.
func (h *Handle) mkdirs(n *tree.Node, p string) *tree.Node {
	for _, seg := range strings.Split(strings.Trim(p, "/"), "/") {
		var c *tree.Node
		if h.made != nil {
			c = h.made[dirKey{n, seg}]
		} else {
			c = child(n, seg)
		}
		if c == nil {
			c = tree.New(seg)
			n.Append(c)
		}
		if h.made != nil {
			h.made[dirKey{n, seg}] = c
		}
		n = c
	}
	return n
}

func child(n *tree.Node, label string) *tree.Node {
	for _, c := range n.Children() {
		if l, ok := c.Label(); ok && l == label {
			return c
		}
	}
	return nil
}

func set(n *tree.Node, label, value string) {
	c := child(n, label)
	if c == nil {
		c = tree.New(label)
		n.Append(c)
	}
	c.SetValue(value)
}

func valueOf(n *tree.Node, label string) (string, bool) {
	c := child(n, label)
	if c == nil {
		return "", false
	}
	return c.Value()
}
