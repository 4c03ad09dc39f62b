package lensnet

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/lensnet/lensnet/internal/files"
	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/tree"
	"github.com/spf13/afero"
)

// ErrNoMatch is returned when a path that must select a node selects
// none; ErrManyMatches when it must select one and selects more.
// ErrCannotCreate when a node that must be created cannot be (a step
// such as * or .. is missing).
var (
	ErrNoMatch      = errors.New("no match for path expression")
	ErrManyMatches  = tree.ErrManyMatches
	ErrCannotCreate = tree.ErrCannotCreate
)

// match evaluates a path; relative paths start at /augeas/context
// (/files unless changed).
func (h *Handle) match(p string) ([]*tree.Node, error) {
	ctx, err := h.contextNode(false)
	if err != nil {
		return nil, err
	}
	return h.matchAt(ctx, p)
}

// createAtContext makes the node p names, relative paths starting at
// /augeas/context.
func (h *Handle) createAtContext(p string) (*tree.Node, error) {
	ctx, err := h.contextNode(true)
	if err != nil {
		return nil, err
	}
	return h.create(ctx, p)
}

// matchAt evaluates a path with relative paths starting at ctx.
func (h *Handle) matchAt(ctx *tree.Node, p string) ([]*tree.Node, error) {
	px, err := tree.ParsePath(p)
	if err != nil {
		return nil, err
	}
	return px.MatchVars(ctx, h.liveVars())
}

// matchOrCreate returns the nodes p selects or, if none, the node it
// makes, as Set does; the path is evaluated once when /augeas/context
// names a node that exists (when it does not, a relative path is made
// under the context, made first).
func (h *Handle) matchOrCreate(p string) ([]*tree.Node, error) {
	ctx, err := h.contextNode(false)
	if err != nil {
		return nil, err
	}
	px, err := tree.ParsePath(p)
	if err != nil {
		return nil, err
	}
	if h.inTree(ctx) {
		ns, _, err := px.MatchOrCreateVars(ctx, h.liveVars())
		return ns, err
	}
	ns, err := px.MatchVars(ctx, h.liveVars())
	if err != nil || len(ns) > 0 {
		return ns, err
	}
	n, err := h.createAtContext(p)
	if err != nil {
		return nil, err
	}
	return []*tree.Node{n}, nil
}

// create makes the node p names (relative to ctx), as Set does.
func (h *Handle) create(ctx *tree.Node, p string) (*tree.Node, error) {
	px, err := tree.ParsePath(p)
	if err != nil {
		return nil, err
	}
	return px.CreateVars(ctx, h.liveVars())
}

// liveVars returns the variables with the nodes removed from the tree
// since they were defined dropped, as Augeas's node-set variables lose
// removed nodes.
func (h *Handle) liveVars() tree.Vars {
	if len(h.vars) == 0 {
		return tree.Vars{}
	}
	out := make(tree.Vars, len(h.vars))
	for name, v := range h.vars {
		ns, isNodes := v.Nodes()
		if !isNodes {
			out[name] = v // a string, number or boolean
			continue
		}
		var live []*tree.Node
		for _, n := range ns {
			r := n
			for r.Parent() != nil {
				r = r.Parent()
			}
			if r == h.root {
				live = append(live, n)
			}
		}
		out[name] = tree.NodeSet(live)
	}
	return out
}

// DefineVariable evaluates expr and stores its value as $name (shown
// under /augeas/variables/name): a node set, or a string, number or
// boolean (defvar s "'text'", defvar n count(...)); it returns how many
// nodes it holds (0 for the others). As
// in Augeas any name is accepted, though only [A-Za-z_][A-Za-z0-9_]*
// can be written as $name in a path.
func (h *Handle) DefineVariable(name, expr string) (int, error) {
	px, err := tree.ParsePath(expr)
	if err != nil {
		return 0, err
	}
	ctx, err := h.contextNode(false)
	if err != nil {
		return 0, err
	}
	v, err := px.Eval(ctx, h.liveVars())
	if err != nil {
		return 0, err
	}
	h.defineVar(name, expr, v)
	ns, _ := v.Nodes()
	return len(ns), nil
}

// DefineNode is DefineVariable, except that when expr selects nothing
// the node is created (as Set creates) with the value, and created
// reports it.
func (h *Handle) DefineNode(name, expr string, value *string) (created bool, err error) {
	ns, err := h.match(expr)
	if err != nil {
		return false, err
	}
	if len(ns) == 0 {
		n, err := h.createAtContext(expr)
		if err != nil {
			return false, err
		}
		if value != nil {
			n.SetValue(*value)
		}
		ns, created = []*tree.Node{n}, true
		expr = n.Path() // as Augeas: the variable shows the created node
	}
	h.defineVar(name, expr, tree.NodeSet(ns))
	return created, nil
}

func (h *Handle) defineVar(name, expr string, v tree.Value) {
	if h.vars == nil {
		h.vars = tree.Vars{}
	}
	h.vars[name] = v
	set(h.mkdirs(h.augeasNode(), "variables"), name, expr)
}

// SetMultiple sets, for every node base selects, the node sub names
// relative to it ("." is the base node itself), creating it when
// missing; it returns how many nodes it set. ClearMultiple is the same
// with no value.
func (h *Handle) SetMultiple(base, sub, value string) (int, error) {
	return h.setm(base, sub, &value)
}

// ClearMultiple is SetMultiple leaving the nodes without a value.
func (h *Handle) ClearMultiple(base, sub string) (int, error) { return h.setm(base, sub, nil) }

func (h *Handle) setm(base, sub string, value *string) (int, error) {
	bs, err := h.match(base)
	if err != nil {
		return 0, err
	}
	count := 0
	for _, b := range bs {
		ns, err := h.matchAt(b, sub)
		if err != nil {
			return count, err
		}
		if len(ns) == 0 {
			n, err := h.create(b, sub)
			if err != nil {
				return count, err
			}
			ns = []*tree.Node{n}
		}
		for _, n := range ns {
			if value != nil {
				n.SetValue(*value)
			} else {
				n.ClearValue()
			}
			count++
		}
	}
	return count, nil
}

func (h *Handle) one(p string) (*tree.Node, error) {
	ns, err := h.match(p)
	if err != nil {
		return nil, err
	}
	switch len(ns) {
	case 0:
		return nil, fmt.Errorf("%s: %w", p, ErrNoMatch)
	case 1:
		return ns[0], nil
	}
	return nil, fmt.Errorf("%s: %w", p, ErrManyMatches)
}

// Get returns the value of the one node p selects; ok is false when the
// node has no value (augtool prints "(none)"), which is not the empty
// string.
func (h *Handle) Get(p string) (value string, ok bool, err error) {
	n, err := h.one(p)
	if err != nil {
		return "", false, err
	}
	value, ok = n.Value()
	return value, ok, nil
}

// Match returns the paths of the nodes p selects, in document order, in
// augtool's form (a [n] only where a label repeats).
func (h *Handle) Match(p string) ([]string, error) {
	ns, err := h.match(p)
	if err != nil {
		return nil, err
	}
	return tree.Paths(ns), nil // linear: n.Path() on each of many siblings is quadratic
}

// Set gives the node p selects the value, creating it (and missing
// parents) when p selects nothing.
func (h *Handle) Set(p, value string) error { return h.setValue(p, &value) }

// setValue is Set, or Clear when value is nil.
func (h *Handle) setValue(p string, value *string) error {
	ns, err := h.matchOrCreate(p)
	if err != nil {
		return err
	}
	var n *tree.Node
	switch len(ns) {
	case 1:
		n = ns[0]
	default:
		return fmt.Errorf("%s: %w", p, ErrManyMatches)
	}
	if value != nil {
		n.SetValue(*value)
	} else {
		n.ClearValue()
	}
	return nil
}

// Remove deletes the nodes p selects with everything under them and
// returns how many nodes went (augtool's "rm : PATH N").
func (h *Handle) Remove(p string) (int, error) {
	ns, err := h.match(p)
	if err != nil {
		return 0, err
	}
	count := 0
	for _, n := range ns {
		if !h.inTree(n) || n == h.filesNode() || n == h.augeasNode() {
			continue // gone already: selected twice, or under a node removed before
		}
		count += size(n)
		n.Detach()
	}
	return count, nil
}

// inTree reports whether n is still attached under the handle's root.
func (h *Handle) inTree(n *tree.Node) bool {
	for n.Parent() != nil {
		n = n.Parent()
	}
	return n == h.root
}

func size(n *tree.Node) int {
	s := 1
	for _, c := range n.Children() {
		s += size(c)
	}
	return s
}

// Insert adds a node labelled label before or after the one node p
// selects.
func (h *Handle) Insert(p, label string, before bool) error {
	n, err := h.one(p)
	if err != nil {
		return err
	}
	if n.Parent() == nil || n.Parent() == h.root {
		return fmt.Errorf("%s: cannot insert next to the root", p)
	}
	i := n.Index()
	if !before {
		i++
	}
	n.Parent().Insert(i, tree.New(label))
	return nil
}

// Save writes back every loaded file whose tree changed (put through its
// lens) and creates files for new subtrees under /files that a
// transform claims; a file whose text comes out unchanged is not
// written. Files are written atomically in the handle's save mode. A
// file whose tree its lens cannot write is left alone and reported
// (put_failed under /augeas/files, and in the returned error); the
// other files are still saved.
func (h *Handle) Save() error {
	mode, err := h.saveMode()
	if err != nil {
		return err
	}
	var errs []error
	var saved []string
	paths := make([]string, 0, len(h.files))
	for p := range h.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	nodes, fresh := h.scanFiles(h.transforms())
	for _, p := range paths {
		rec := h.files[p]
		node := nodes[p]
		if node != nil && !tree.SubtreeChanged(node) {
			continue
		}
		if node == nil {
			// the whole subtree is gone: the file goes too
			if err := removeFile(h.fs, p, mode); err != nil {
				errs = append(errs, err)
				continue
			}
			delete(h.files, p)
			saved = append(saved, p)
			continue
		}
		var out string
		if rec.fresh && node == rec.node {
			out, err = rec.lens.PutChangedLayout(node, rec.text, rec.layout)
		} else {
			out, err = rec.lens.Put(node, rec.text)
		}
		if err != nil {
			h.setPutError(p, err)
			errs = append(errs, fmt.Errorf("%s: %w", p, err))
			continue
		}
		if out == rec.text {
			tree.ClearChanges(node)
			continue
		}
		if err := files.WriteFile(h.fs, p, out, mode); err != nil {
			h.setError(p, "write_failed", err.Error())
			errs = append(errs, err)
			continue
		}
		switch mode {
		case files.Noop: // stays changed: every save reports it again
		case files.NewFile: // saved as it is now, the original text stays
			tree.ClearChanges(node)
			rec.fresh, rec.layout = false, nil
		default:
			rec.text = out
			tree.ClearChanges(node)
			rec.fresh, rec.layout = false, nil
		}
		saved = append(saved, p)
	}
	errs = append(errs, h.saveNew(fresh, mode, &saved)...)
	ev := h.mkdirs(h.augeasNode(), "events")
	if old := child(ev, "saved"); old != nil {
		for old != nil {
			old.Detach()
			old = child(ev, "saved")
		}
	}
	for _, p := range saved {
		ev.Append(tree.NewValue("saved", "/files"+p))
	}
	return errors.Join(errs...)
}

// setPutError records that a file's tree does not fit its lens, as
// Augeas does: error = put_failed with the node (path), the lens and the
// message.
func (h *Handle) setPutError(file string, err error) {
	var pe *lens.PutError
	if !errors.As(err, &pe) {
		h.setError(file, "put_failed", err.Error())
		return
	}
	e := h.setError(file, "put_failed", pe.Msg)
	set(e, "path", "/files"+file+strings.TrimSuffix(pe.Path, "/"))
	set(e, "lens", pe.Lens.String())
}

// removeFile deletes a file whose subtree was removed: in backup mode
// it becomes FILE.augsave, in noop mode it stays, as in Augeas.
func removeFile(fsys afero.Fs, p string, mode files.Mode) error {
	var err error
	switch mode {
	case files.Noop:
		return nil
	case files.Backup:
		err = fsys.Rename(p, p+".augsave")
	default:
		err = fsys.Remove(p)
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// saveNew creates the files whose subtrees were added under /files.
func (h *Handle) saveNew(fresh []freshFile, mode files.Mode, saved *[]string) []error {
	var errs []error
	for _, f := range fresh {
		cp, c := f.path, f.node
		if h.failed[cp] {
			errs = append(errs, fmt.Errorf("%s: not saved: the file did not load (see its error under /augeas/files)", cp))
			continue
		}
		root := tree.NewHidden()
		root.SetChildren(cloneKids(c))
		l, err := h.lensOf(f.xf)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", cp, err))
			continue
		}
		out, err := l.Create(root)
		if err != nil {
			h.setPutError(cp, err)
			errs = append(errs, fmt.Errorf("%s: %w", cp, err))
			continue
		}
		if err := files.WriteFile(h.fs, cp, out, mode); err != nil {
			errs = append(errs, err)
			continue
		}
		if mode != files.Noop && mode != files.NewFile {
			tree.ClearChanges(c)
			tree.SetFileRoot(c, true)
			h.files[cp] = &fileRec{path: cp, xf: f.xf, lens: l, text: out, node: c}
		}
		*saved = append(*saved, cp)
	}
	return errs
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

// freshFile is a subtree under /files that no loaded file owns, at a
// path a transform claims (or a file that failed to load).
type freshFile struct {
	path string
	node *tree.Node
	xf   *xform
}

// scanFiles walks /files once, without entering the loaded files' own
// trees: it maps the path of every loaded file still in the tree to its
// node, and lists the new subtrees Save must create.
func (h *Handle) scanFiles(xfs []*xform) (map[string]*tree.Node, []freshFile) {
	loaded := map[string]*tree.Node{}
	var fresh []freshFile
	var walk func(n *tree.Node, p string)
	walk = func(n *tree.Node, p string) {
		for _, c := range n.Children() {
			l, ok := c.Label()
			if !ok {
				continue
			}
			cp := p + "/" + l
			if _, isLoaded := h.files[cp]; isLoaded {
				if _, dup := loaded[cp]; !dup {
					loaded[cp] = c
				}
				continue
			}
			if h.failed[cp] {
				fresh = append(fresh, freshFile{path: cp, node: c})
				continue
			}
			if x := claim(xfs, cp); x != nil && c.Len() > 0 {
				fresh = append(fresh, freshFile{path: cp, node: c, xf: x})
				continue
			}
			walk(c, cp)
		}
	}
	walk(h.filesNode(), "")
	return loaded, fresh
}

func cloneKids(n *tree.Node) []*tree.Node {
	kids := make([]*tree.Node, n.Len())
	for i, c := range n.Children() {
		kids[i] = c.Clone()
	}
	return kids
}

// MatchNodes returns the nodes p selects, for callers that print or walk
// them (the CLI's print and ls). Changes made through them are seen by
// Save like any other.
func (h *Handle) MatchNodes(p string) ([]*tree.Node, error) { return h.match(p) }

// Clear removes the value of the node p selects (a node without a value
// is not one with ""), creating it when p selects nothing.
func (h *Handle) Clear(p string) error { return h.setValue(p, nil) }

// ErrInvalidLabel is returned for a label holding "/" (Rename).
var ErrInvalidLabel = errors.New("invalid label")

// ErrIntoDescendant is returned when Move or Copy would put a node
// inside itself.
var ErrIntoDescendant = errors.New("cannot move node into its descendant")

// Label returns the label of the one node p selects.
func (h *Handle) Label(p string) (string, error) {
	n, err := h.one(p)
	if err != nil {
		return "", err
	}
	l, _ := n.Label()
	return l, nil
}

// Touch creates the node p names, without a value, when p selects
// nothing; otherwise it does nothing.
func (h *Handle) Touch(p string) error {
	ns, err := h.match(p)
	if err != nil || len(ns) > 0 {
		return err
	}
	_, err = h.createAtContext(p)
	return err
}

// Rename gives every node p selects the label, and returns how many
// were renamed.
func (h *Handle) Rename(p, label string) (int, error) {
	if strings.Contains(label, "/") {
		return 0, fmt.Errorf("%s: %w", label, ErrInvalidLabel)
	}
	ns, err := h.match(p)
	if err != nil {
		return 0, err
	}
	for _, n := range ns {
		n.SetLabel(label)
	}
	return len(ns), nil
}

// Move moves the one node src selects to dst: an existing dst node
// keeps its label and place and takes src's value and children;
// otherwise dst is created (as Set creates) and filled. src goes away.
func (h *Handle) Move(src, dst string) error { return h.transfer(src, dst, true) }

// Copy is Move that leaves src in place.
func (h *Handle) Copy(src, dst string) error { return h.transfer(src, dst, false) }

func (h *Handle) transfer(src, dst string, move bool) error {
	s, err := h.one(src)
	if err != nil {
		return err
	}
	ds, err := h.match(dst)
	if err != nil {
		return err
	}
	var d *tree.Node
	switch len(ds) {
	case 0:
		// refuse before creating anything under src
		px, _ := tree.ParsePath(dst)
		ctx, err := h.contextNode(true)
		if err != nil {
			return err
		}
		a, err := px.AnchorVars(ctx, h.liveVars())
		if err != nil {
			return err
		}
		if isAncestor(s, a) {
			return fmt.Errorf("%s: %w", dst, ErrIntoDescendant)
		}
		if d, err = h.createAtContext(dst); err != nil {
			return err
		}
	case 1:
		d = ds[0]
	default:
		return fmt.Errorf("%s: %w", dst, ErrManyMatches)
	}
	if isAncestor(s, d) {
		return fmt.Errorf("%s: %w", dst, ErrIntoDescendant)
	}
	c := s.Clone()
	if v, ok := c.Value(); ok {
		d.SetValue(v)
	} else {
		d.ClearValue()
	}
	d.SetChildren(c.Children())
	if move {
		s.Detach()
	}
	return nil
}

// isAncestor reports whether a is n or one of its ancestors.
func isAncestor(a, n *tree.Node) bool {
	for ; n != nil; n = n.Parent() {
		if n == a {
			return true
		}
	}
	return false
}

// ErrNoFile is returned by Source and Preview for a node that belongs
// to no loaded file.
var ErrNoFile = errors.New("not associated with a file")

// Source returns the /files path of the loaded file the one node p
// selects belongs to.
func (h *Handle) Source(p string) (string, error) {
	_, fp, err := h.fileOfPath(p)
	if err != nil {
		return "", err
	}
	return "/files" + fp, nil
}

// fileOfPath finds the loaded file of the one node p selects.
func (h *Handle) fileOfPath(p string) (*tree.Node, string, error) {
	n, err := h.one(p)
	if err != nil {
		return nil, "", err
	}
	node, fp, err := h.fileOfNode(n)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", p, err)
	}
	return node, fp, nil
}

// fileOfNode returns the node of the loaded file n belongs to and the
// file's path, or ErrNoFile.
func (h *Handle) fileOfNode(n *tree.Node) (*tree.Node, string, error) {
	var segs []string
	for a := n; a != nil && a != h.filesNode(); a = a.Parent() {
		if a.Parent() == nil {
			return nil, "", ErrNoFile
		}
		l, _ := a.Label()
		segs = append(segs, l)
	}
	fp := ""
	node := h.filesNode()
	for i := len(segs) - 1; i >= 0; i-- {
		fp += "/" + segs[i]
		node = child(node, segs[i])
		if _, ok := h.files[fp]; ok && node != nil {
			return node, fp, nil
		}
	}
	return nil, "", ErrNoFile
}

// Preview returns the text Save would write for the file the one node
// p selects belongs to.
func (h *Handle) Preview(p string) (string, error) {
	node, fp, err := h.fileOfPath(p)
	if err != nil {
		return "", err
	}
	rec := h.files[fp]
	root := tree.NewHidden()
	root.SetChildren(cloneKids(node))
	return rec.lens.Put(root, rec.text)
}

// Transform adds a transform written as augtool's -t takes it,
// "Lens incl GLOB" or "Lens excl GLOB"; Load applies it.
func (h *Handle) Transform(spec string) error { return h.addTransform(spec) }
