package lensnet

import (
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/lensnet/lensnet/internal/files"
	"github.com/lensnet/lensnet/internal/workers"
	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/tree"
	"github.com/spf13/afero"
)

// fileRec is a loaded file: its text, lens and the tree as loaded (to
// tell whether it changed).
type fileRec struct {
	path string
	xf   *xform
	lens *lens.Lens // nil for a tree from the parse cache (Handle.compileFor)
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
	// unstored: read lazily, so not in the parse cache yet (Flush)
	unstored bool
}

// sameText reports whether cur, a file's text on disk now, is what was
// loaded (load adds a final newline to a text without one).
func (r *fileRec) sameText(cur []byte) bool {
	return string(cur) == r.text || string(cur)+"\n" == r.text
}

// Load reads every file a transform claims into /files, replacing what
// was loaded before. A file that fails to parse gets no /files subtree;
// its error is under /augeas/files/<path>/error (see Errors).
//
// Files come into /files in augtool's order, not sorted by name: the
// transforms in the order of /augeas/load, each transform's include
// globs in their order there, and the files of one glob in the order
// glob(3) finds them (the directory's own order; see glob). So the
// order of print, match and "*[1]" depends on the directory, as with
// augtool.
func (h *Handle) Load() (err error) {
	if b, ok := h.fs.(files.Batcher); ok {
		b.Batch(func() { err = h.load() })
		return err
	}
	return h.load()
}

func (h *Handle) load() error {
	h.lz = nil
	// an autoloaded lens compiles when its files are read, as when
	// loading on demand: not at all when the parse cache holds them
	c := h.claimFiles(true)
	defer func() { h.made = nil }()
	for i, r := range h.readFiles(c.todo, c.claimed, true) {
		h.attach(c.todo[i], c.claimed[c.todo[i]], r)
	}
	tree.ClearChanges(h.filesNode()) // nothing loaded counts as modified
	return nil
}

// claims are the outcome of a load's claim phase: the files to read,
// in the order they come into /files, and which transform reads each.
type claims struct {
	todo    []string
	claimed map[string]*xform
}

// claimFiles is the first half of a load: it empties /files and
// /augeas/files, globs the transforms' files and decides which
// transform reads which file, recording the errors of files two
// transforms claim (not read) and of explicit transforms whose lens is
// missing. h.made is set for the rest of the load.
//
// A transform whose lens fails claims no file, as if it had not been
// autoloaded. With deferLens, an autoloaded transform's lens is
// compiled here only for files another transform claims too (where
// it decides which claims the file); a file only it claims is listed,
// and fails when it is read, which shows the same: no /files node, no
// /augeas/files entry, the error under /augeas/load.
func (h *Handle) claimFiles(deferLens bool) claims {
	h.filesNode().SetChildren(nil)
	h.files = map[string]*fileRec{}
	h.failed = map[string]bool{}
	h.made = map[dirKey]*tree.Node{}
	sp, _ := h.metaValue("span")
	h.spans = sp == "enable"
	meta := h.metaNode("files")
	meta.SetChildren(nil)
	h.made[dirKey{h.augeasNode(), "files"}] = meta
	h.metaNode("load")
	xfs := h.transforms()
	lists := h.globAll(xfs)
	var shared map[string]bool // files more than one transform claims
	if deferLens {
		shared = map[string]bool{}
		first := map[string]*xform{}
		for i, x := range xfs {
			for _, p := range lists[i] {
				if f, ok := first[p]; !ok {
					first[p] = x
				} else if f != x {
					shared[p] = true
				}
			}
		}
	}
	claimed := map[string]*xform{}
	var paths []string
	for i, x := range xfs {
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
		for _, p := range lists[i] {
			if !deferLens || shared[p] {
				if _, err := h.lensOf(x); err != nil {
					// a module whose lens fails claims no file, as if
					// it had not been autoloaded (autoload reads only
					// its filter); the error is under /augeas/load
					h.setLoadError(x, err)
					break
				}
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
	var todo []string
	for _, p := range paths {
		if !h.failed[p] { // claimed by two transforms: not loaded
			todo = append(todo, p)
		}
	}
	return claims{todo: todo, claimed: claimed}
}

// loadFile reads one file with its transform's lens.
func (h *Handle) loadFile(p string, x *xform) {
	h.attach(p, x, h.readFiles([]string{p}, map[string]*xform{p: x}, false)[0])
}

// readResult is one file read and parsed, not yet in the tree.
type readResult struct {
	text  string
	mtime int64
	perm  fs.FileMode
	read  bool       // text, mtime and perm (or err) are set
	lens  *lens.Lens // nil when the tree came from the parse cache
	info  string     // lensInfo of the lens, from the parse cache
	tree  *tree.Node
	lay   *lens.Layout
	lazy  bool  // read with lens.GetLazy
	err   error // reading the file
	lerr  error // compiling the lens
	gerr  error // parsing the text

	cached bool      // the tree or gerr came from the parse cache
	entry  packEntry // for the parse cache, when keep
	keep   bool
}

// unstored reports whether the parse cache would keep the file but for
// its having been read lazily (Handle.Flush).
func (r *readResult) unstored() bool { return r.lazy && r.perm&0o004 != 0 && r.gerr == nil }

// lensInfo is where the file's lens was written, for
// /augeas/files/<f>/lens/info.
func (r *readResult) lensInfo() string {
	if r.lens != nil {
		return lensInfo(r.lens)
	}
	return r.info
}

// readText reads the file into r, with a final newline added to a text
// without one, as Augeas's loader does.
func (r *readResult) readText(fsys afero.Fs, p string) {
	r.read = true
	b, mtime, perm, err := readFile(fsys, p)
	if err != nil {
		r.err = err
		return
	}
	r.text, r.mtime, r.perm = b, mtime, perm
	if !strings.HasSuffix(r.text, "\n") {
		r.text += "\n"
	}
}

// readFiles reads and parses the files, in parallel over the processors
// (lenses are safe for concurrent use; each is compiled first, here).
// The results are in the order of paths, so the tree is built the same
// way whatever the scheduling.
//
// A read through more than chunkXforms transforms (a whole root) goes in
// chunks of the files of that many transforms, in order, and releases
// the lenses of each chunk once its files are read (lens.Release): the
// automata a lens builds while reading are then dropped with its files
// read, instead of all being kept to the end, which bounds the peak.
// A lens used again later builds them again. Smaller reads (a file read
// on demand) keep what they built.
//
// With a parse cache (parsecache.go), every file is read and looked up
// there first, in parallel; only the files it does not hold go on to
// their lens, and what they give is stored. all says that claimed holds
// every file the transforms claim: the cache then forgets the others.
func (h *Handle) readFiles(paths []string, claimed map[string]*xform, all bool) []readResult {
	out := make([]readResult, len(paths))
	todo := make([]int, 0, len(paths))
	pc := h.parseCacheFor()
	if pc != nil {
		packs := pc.packsFor(paths, claimed)
		workers.Each(len(paths), func(i int) {
			r := &out[i]
			if r.readText(h.fs, paths[i]); r.err == nil && r.perm&0o004 != 0 {
				packs[i].lookup(r, paths[i])
			}
		})
		for i := range out {
			if !out[i].cached {
				todo = append(todo, i)
			}
		}
	} else {
		for i := range out {
			todo = append(todo, i)
		}
	}
	work := func(i int) {
		r := &out[i]
		if r.lerr != nil {
			return
		}
		if !r.read {
			r.readText(h.fs, paths[i])
		}
		if r.err != nil {
			return
		}
		if h.lazyMin >= 0 && len(r.text) >= h.lazyMin {
			r.tree, r.lay, r.gerr = r.lens.GetLazy(r.text)
			r.lazy = true
		} else {
			r.tree, r.lay, r.gerr = r.lens.GetLayout(r.text)
		}
		if pc != nil && r.err == nil {
			// encoded here, in parallel; stored in order below
			r.entry, r.keep = packEntryOf(r)
		}
	}
	xfs := map[*xform]bool{}
	for _, i := range todo {
		xfs[claimed[paths[i]]] = true
	}
	chunked := len(xfs) > chunkXforms
	clear(xfs)
	var used []*lens.Lens // the lenses of the chunk
	release := func() {
		for _, l := range used {
			l.Release()
		}
		used = used[:0]
	}
	// lenses compile here, one at a time (the loader is not shared),
	// while helpers read the files of those compiled already
	q := workers.NewQueue(work)
	for _, i := range todo {
		x := claimed[paths[i]]
		if chunked && !xfs[x] && len(xfs) == chunkXforms {
			// no helper uses a lens of the chunk once they are done
			q.Wait()
			release()
			clear(xfs)
			q = workers.NewQueue(work)
		}
		xfs[x] = true
		out[i].lens, out[i].lerr = h.lensOf(x)
		if l := out[i].lens; l != nil && !slices.Contains(used, l) {
			used = append(used, l)
		}
		q.Put(i)
	}
	q.Wait()
	if chunked {
		release()
	}
	h.parsed += len(todo)
	if pc != nil && len(todo) > 0 {
		for _, i := range todo {
			pc.packs[claimed[paths[i]].name].store(&out[i], paths[i])
		}
		pc.write(claimed, all, h.env)
	}
	return out
}

// chunkXforms is how many transforms' files a large read reads before
// releasing their lenses (see readFiles).
var chunkXforms = 16

// globAll expands every include glob of the transforms once and lists,
// for each transform, the regular files its filter keeps, glob by glob
// in the order globbing finds them (a file two of its globs find comes
// twice). Whether a file is regular is looked up in parallel: with
// 10,000 files the lookups are a good part of a load.
func (h *Handle) globAll(xfs []*xform) [][]string {
	globbed := map[string][]string{}
	gl := newGlobber(h.fs)
	live := map[string]bool{} // not certainly missing
	var cands []string
	lists := make([][]string, len(xfs))
	for i, x := range xfs {
		for _, g := range x.filter {
			if !g.Include {
				continue
			}
			ms, ok := globbed[g.Pattern]
			if !ok {
				ms = gl.glob(g.Pattern)
				globbed[g.Pattern] = ms
			}
			for _, p := range ms {
				ok, known := live[p]
				if !known {
					ok = !gl.missing(p)
					live[p] = ok
					if ok {
						cands = append(cands, p)
					}
				}
				if ok && x.filter.Matches(p) {
					lists[i] = append(lists[i], p)
				}
			}
		}
	}
	isReg := make([]bool, len(cands))
	var look []int // the candidates the listings cannot tell
	for i, p := range cands {
		reg, known := gl.regular(p)
		if known {
			isReg[i] = reg
		} else {
			look = append(look, i)
		}
	}
	workers.Each(len(look), func(k int) {
		i := look[k]
		st, err := h.fs.Stat(cands[i])
		isReg[i] = err == nil && st.Mode().IsRegular()
	})
	regular := make(map[string]bool, len(cands))
	for i, p := range cands {
		regular[p] = isReg[i]
	}
	for i, l := range lists {
		lists[i] = slices.DeleteFunc(l, func(p string) bool { return !regular[p] })
	}
	return lists
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
		h.addFileMeta(p, x, r.lensInfo(), r.mtime) // as augtool, before the error
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
	h.addFileMeta(p, x, r.lensInfo(), mtime)
	h.files[p] = &fileRec{path: p, xf: x, lens: l, text: text, node: fileNode, fresh: true, layout: r.lay, unstored: r.unstored()}
}

// addFileMeta records a file read with the lens of transform x (info:
// lensInfo) under /augeas/files/<p>: path, mtime and lens with its info.
func (h *Handle) addFileMeta(p string, x *xform, info string, mtime int64) {
	meta := h.mkdirs(h.augeasNode(), "/files"+p)
	meta.Append(tree.NewValue("path", "/files"+p), tree.NewValue("mtime", strconv.FormatInt(mtime, 10)))
	ln := tree.NewValue("lens", x.name)
	ln.Append(tree.NewValue("info", info))
	meta.Append(ln)
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

// readFile reads a file, its modification time (Unix seconds) and
// permission bits. The
// text is read into a buffer of the file's size (as os.ReadFile does),
// which then becomes the string without a copy: nothing else holds the
// buffer, so it is never written again (as in strings.Builder). Loading
// a 1 MB file spent a tenth of its time in io.ReadAll's growing buffer
// and the string() copy.
func readFile(fsys afero.Fs, p string) (string, int64, fs.FileMode, error) {
	if rf, ok := fsys.(files.FileReader); ok {
		b, mtime, perm, err := rf.ReadFile(p)
		if err != nil || len(b) == 0 {
			return "", mtime.Unix(), perm, err
		}
		return unsafe.String(&b[0], len(b)), mtime.Unix(), perm, nil
	}
	f, err := fsys.Open(p)
	if err != nil {
		return "", 0, 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", 0, 0, err
	}
	buf, err := files.ReadAll(f.Read, st.Size())
	if err != nil {
		return "", 0, 0, err
	}
	if len(buf) == 0 {
		return "", st.ModTime().Unix(), st.Mode().Perm(), nil
	}
	return unsafe.String(&buf[0], len(buf)), st.ModTime().Unix(), st.Mode().Perm(), nil
}

// setGetError records a parse failure as augtool shows it.
func (h *Handle) setGetError(p string, x *xform, err error) {
	describeGetError(h.newError(p, "parse_failed"), x.name, err)
}

// describeGetError fills a parse_failed error node as Augeas does: the
// position, the lens part that failed (after the transform's lens name)
// and the message.
func describeGetError(e *tree.Node, lensName string, err error) {
	f := failureOf(err)
	if f.lens == "" {
		set(e, "message", f.msg)
		return
	}
	if f.hasPos { // Augeas shows none for a failure before the text
		set(e, "pos", fmt.Sprint(f.offset))
		set(e, "line", fmt.Sprint(f.line))
		set(e, "char", fmt.Sprint(f.col-1))
	}
	set(e, "lens", lensName+": "+f.lens)
	set(e, "message", f.msg)
}

// setError stores /augeas/files/<p>/error = kind with a message and
// returns the error node.
func (h *Handle) setError(p, kind, msg string) *tree.Node {
	e := h.newError(p, kind)
	set(e, "message", msg)
	return e
}

// newError stores /augeas/files/<p>/error = kind, replacing an earlier
// one, and returns the error node.
func (h *Handle) newError(p, kind string) *tree.Node {
	h.loadAll() // the entries of the other files come first
	meta := h.mkdirs(h.augeasNode(), "/files"+p)
	if old := child(meta, "error"); old != nil {
		old.Detach()
	}
	e := tree.NewValue("error", kind)
	meta.Append(e)
	return e
}

// claim returns the transform whose filter claims the file p.
func claim(xfs []*xform, p string) *xform {
	for _, x := range xfs {
		if x.filter.Matches(p) {
			return x
		}
	}
	return nil
}

// LoadFile reads one file (an absolute path under the root) with the
// transform of /augeas/load that claims it, replacing what was loaded
// of it before, as augtool's load-file. Parse errors are recorded as
// Load records them (Errors).
func (h *Handle) LoadFile(p string) error {
	h.loadAll()
	x := claim(h.transforms(), p)
	if x == nil {
		return fmt.Errorf("can not determine lens to load file %s: %w", p, ErrNoLens)
	}
	if n := h.pathNode(h.filesNode(), p); n != nil {
		n.Detach()
	}
	if n := h.pathNode(h.augeasNode(), "/files"+p); n != nil {
		n.Detach()
	}
	delete(h.files, p)
	if h.failed == nil {
		h.failed = map[string]bool{}
	}
	delete(h.failed, p)
	h.loadFile(p, x)
	return nil
}
