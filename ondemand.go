package lensnet

import (
	"slices"
	"strings"

	"github.com/lensnet/lensnet/internal/files"
	"github.com/lensnet/lensnet/tree"
)

// This file holds loading on demand (without Options.LoadAll): Open decides
// which transform reads which file, as Load does, and builds /files
// with a node for every such file, in the order a full load gives, but
// reads none. The first verb whose path can reach a file reads it
// first, so that nothing it sees differs from a full load:
//
//   - A path that tree.(*Path).FilesReach bounds (an absolute path
//     under /files, or a relative one with /augeas/context at /files,
//     through literal labels, then only going down, with no variable)
//     reads the files at or above each location it names, every file
//     below it, and settles each folder on the way: a folder exists
//     after a full load only if a file below it reads without error.
//     Insert reads the files below the parent of what it names, as it
//     places a node among its siblings.
//   - Any other path (/augeas, "/", a wildcard or // right under
//     /files, .., a sibling axis, a variable, a relative path elsewhere)
//     reads every file first; so do Errors, Info, Load, LoadFile and
//     Transform, and anything that writes under /augeas/files (Save
//     when a file fails to save, is removed or is new).
//
// Save needs no more: a file not read is unchanged, and saving the
// files that changed writes nothing under /augeas/files unless one
// fails (an error), goes (its entry goes) or is new (its entry comes).
//
// A file that fails to read has no node after a full load: its node
// goes when it is read, with a folder left empty, and a folder whose
// first file failed moves to where its first file that did not fail
// puts it. None of this marks a node changed (tree.Graft, Prune,
// Place). The entries of /augeas/files are written, in the order of a
// full load, once every file is read: only a path that reaches /augeas
// sees them, and it reads every file first.

// onDemand is what Open decided and what is read so far.
type onDemand struct {
	claims
	index   map[string]int     // file path → its place in todo
	state   []fileState        // by place in todo
	node    []*tree.Node       // the file's node in /files, by place
	out     []readResult       // how reading went, without the tree
	folders map[string]*folder // the folders above the files, by path ("/etc")
	pathOf  map[*tree.Node]string
	made    map[dirKey]*tree.Node // for /augeas/files once all is read
	left    int                   // files not read yet
}

type fileState uint8

const (
	filePending fileState = iota
	fileRead
	fileFailed
)

// folder is a node of /files above files: its files' places in todo,
// in order, and the place of the first of them that did not fail (its
// key: where a full load puts it), -1 when all failed and it is gone.
type folder struct {
	node  *tree.Node
	files []int
	key   int
	read  int // how many of files read without error
}

// deferLoad is Load on demand: the claim phase and the nodes of /files.
func (h *Handle) deferLoad() {
	c := h.claimFiles(true)
	lz := &onDemand{claims: c, index: make(map[string]int, len(c.todo)),
		state: make([]fileState, len(c.todo)), node: make([]*tree.Node, len(c.todo)),
		out: make([]readResult, len(c.todo)), folders: map[string]*folder{},
		pathOf: make(map[*tree.Node]string, len(c.todo)), left: len(c.todo)}
	for i, p := range c.todo {
		lz.index[p] = i
		n := h.filesNode()
		segs := strings.Split(strings.Trim(p, "/"), "/")
		for j, seg := range segs {
			k := dirKey{n, seg}
			c := h.made[k]
			if c == nil {
				c = tree.New(seg)
				n.Append(c)
				h.made[k] = c
			}
			n = c
			if j < len(segs)-1 {
				fp := "/" + strings.Join(segs[:j+1], "/")
				f := lz.folders[fp]
				if f == nil {
					f = &folder{node: n, key: i}
					lz.folders[fp] = f
					lz.pathOf[n] = fp
				}
				f.files = append(f.files, i)
			}
		}
		lz.node[i] = n
		lz.pathOf[n] = p
	}
	tree.ClearChanges(h.filesNode())
	lz.made, h.made = h.made, nil
	h.lz = lz
	if lz.left == 0 {
		h.loadAll()
	}
}

// ReadAll reads every file Open left for later (Options.LoadAll): the
// tree is then as a full load leaves it, to walk by its nodes. Files
// that fail to read are reported by Errors, as after Load.
func (h *Handle) ReadAll() {
	if b, ok := h.fs.(files.Batcher); ok && h.lz != nil {
		b.Batch(h.loadAll)
		return
	}
	h.loadAll()
}

// loadAll reads every file not read yet and writes /augeas/files: the
// handle is then as after Load.
func (h *Handle) loadAll() {
	lz := h.lz
	if lz == nil {
		return
	}
	var all []int
	for i, s := range lz.state {
		if s == filePending {
			all = append(all, i)
		}
	}
	h.read(all)
	h.lz = nil // before the entries: writing one reads every file first
	h.made = lz.made
	defer func() { h.made = nil }()
	for i, p := range lz.todo {
		r, x := &lz.out[i], lz.claimed[p]
		switch {
		case r.lerr != nil:
		case r.err != nil:
			h.setError(p, "read_failed", r.err.Error())
		case r.gerr != nil:
			h.addFileMeta(p, x, r.lensInfo(), r.mtime)
			h.setGetError(p, x, r.gerr)
		default:
			h.addFileMeta(p, x, r.lensInfo(), r.mtime)
		}
	}
}

// needPath reads what the path p can reach before it is evaluated
// (see the top of this file). A path that does not parse reads
// nothing: the verb reports it.
func (h *Handle) needPath(p string) {
	if h.lz == nil {
		return
	}
	px, err := h.parse(p)
	if err != nil {
		return
	}
	h.needParsed(px, false)
}

// needParsed is needPath of a parsed path; parent reads everything
// below the parent of what the path names (Insert).
func (h *Handle) needParsed(px *tree.Path, parent bool) {
	if h.lz == nil {
		return
	}
	if c, ok := h.metaValue("context"); ok && c != "" && c != "/files" {
		h.loadAll()
		return
	}
	locs, ok := px.FilesReach(true)
	if !ok {
		h.loadAll()
		return
	}
	for _, loc := range locs {
		if parent && len(loc) > 0 {
			loc = loc[:len(loc)-1]
		}
		if len(loc) == 0 {
			h.loadAll()
			return
		}
		h.needLoc(loc)
	}
}

// needSub reads what sub, a path relative to nodes that paths already
// needed selected (SetMultiple), can reach: below those nodes, which
// are read, and any absolute path in it.
func (h *Handle) needSub(sub string) {
	if h.lz == nil {
		return
	}
	if strings.HasPrefix(sub, "/") {
		h.needPath(sub)
		return
	}
	// below a literal location, sub may only go down; its absolute
	// paths add their own locations
	px, err := tree.ParsePath("/files/lensnet-sub/" + sub)
	if err != nil {
		if _, err := h.parse(sub); err == nil {
			h.loadAll() // a form the check cannot take: read everything
		}
		return
	}
	locs, ok := px.FilesReach(true)
	if !ok {
		h.loadAll()
		return
	}
	for _, loc := range locs[1:] { // the first is sub's own, below the nodes
		if len(loc) == 0 {
			h.loadAll()
			return
		}
		h.needLoc(loc)
	}
}

// needLoc reads the files at and above the location, those below it,
// and settles the folders on the way.
func (h *Handle) needLoc(loc []string) {
	lz := h.lz
	if lz == nil {
		return
	}
	var idx []int
	p := ""
	for _, l := range loc {
		p += "/" + l
		if i, ok := lz.index[p]; ok {
			idx = append(idx, i)
		}
	}
	if f := lz.folders[p]; f != nil {
		idx = append(idx, f.files...)
	}
	h.read(idx)
	for j := len(loc); j >= 1 && h.lz != nil; j-- {
		f := lz.folders["/"+strings.Join(loc[:j], "/")]
		if f != nil && h.settle(f) {
			break // it stays, and so do the folders above it
		}
	}
}

// settle reads the files of f in order until one reads, and reports
// whether one did (f stays); if none does, f is gone.
func (h *Handle) settle(f *folder) bool {
	lz := h.lz
	if f.read > 0 {
		return true
	}
	for _, i := range f.files {
		if lz.state[i] == filePending {
			h.read([]int{i})
		}
		if lz.state[i] == fileRead {
			return true
		}
	}
	return false
}

// read reads the pending files of idx (places in todo) and puts each
// in its place.
func (h *Handle) read(idx []int) {
	lz := h.lz
	var todo []int
	for _, i := range idx {
		if lz.state[i] == filePending {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return
	}
	slices.Sort(todo)
	todo = slices.Compact(todo)
	paths := make([]string, len(todo))
	for k, i := range todo {
		paths[k] = lz.todo[i]
	}
	var rs []readResult
	if b, ok := h.fs.(files.Batcher); ok {
		b.Batch(func() { rs = h.readFiles(paths, lz.claimed, true) })
	} else {
		rs = h.readFiles(paths, lz.claimed, true)
	}
	for k, i := range todo {
		h.place(i, rs[k])
	}
}

// place puts a file read on demand into its node, or drops the node of
// a file that failed, as attach does in a full load; /augeas/files
// waits for loadAll.
func (h *Handle) place(i int, r readResult) {
	lz := h.lz
	p, x := lz.todo[i], lz.claimed[lz.todo[i]]
	lz.left--
	if r.lerr != nil || r.err != nil || r.gerr != nil {
		h.failed[p] = true
		if r.lerr != nil {
			h.setLoadError(x, r.lerr)
		}
		r.tree, r.text, r.lay = nil, "", nil
		lz.out[i] = r
		lz.state[i] = fileFailed
		h.drop(i)
		return
	}
	n := lz.node[i]
	kids := r.tree.Children()
	r.tree.SetChildren(nil)
	tree.Graft(n, kids)
	tree.SetFileRoot(n, true)
	h.files[p] = &fileRec{path: p, xf: x, lens: r.lens, text: r.text, node: n, fresh: true, layout: r.lay, unstored: r.unstored()}
	r.tree, r.text, r.lay = nil, "", nil
	lz.out[i] = r
	lz.state[i] = fileRead
	for k := strings.LastIndexByte(p, '/'); k > 0; k = strings.LastIndexByte(p, '/') {
		p = p[:k]
		lz.folders[p].read++
	}
}

// drop removes the node of a file that failed, then the folders it
// leaves empty, and moves a folder whose first file it was to where
// its next file puts it.
func (h *Handle) drop(i int) {
	lz := h.lz
	p := lz.todo[i]
	tree.Prune(lz.node[i])
	for {
		k := strings.LastIndexByte(p, '/')
		if k <= 0 {
			return
		}
		p = p[:k]
		f := lz.folders[p]
		if f == nil || f.key != i {
			return // its place is not i's
		}
		f.key = -1
		for _, j := range f.files {
			if lz.state[j] != fileFailed {
				f.key = j
				break
			}
		}
		if f.key < 0 {
			tree.Prune(f.node) // every file below failed
			continue
		}
		h.reposition(f.node, f.key)
		// the folder above may have had i as its key too
	}
}

// reposition moves n, a node of Open's, before the first of its
// siblings from Open whose key is larger (the nodes made since come
// after those from Open, as they would after a full load).
func (h *Handle) reposition(n *tree.Node, key int) {
	par := n.Parent()
	if par == nil {
		return
	}
	tree.Prune(n)
	at := 0
	for j, c := range par.Children() {
		k, ok := h.keyOf(c)
		if !ok {
			continue
		}
		if k > key {
			at = j
			break
		}
		at = j + 1
	}
	tree.Place(par, at, n)
}

// keyOf is the place of a node from Open: its file's, or its folder's
// first file that did not fail.
func (h *Handle) keyOf(n *tree.Node) (int, bool) {
	p, ok := h.lz.pathOf[n]
	if !ok {
		return 0, false
	}
	if f := h.lz.folders[p]; f != nil && f.node == n {
		return f.key, f.key >= 0
	}
	i, ok := h.lz.index[p]
	return i, ok && h.lz.node[i] == n
}
