package lensnet

import (
	"fmt"
	"slices"
	"strings"

	"github.com/lensnet/lensnet/tree"
)

// DefineVariable evaluates expr and stores its value as $name (shown
// under /augeas/variables/name): a node set, or a string, number or
// boolean (defvar s "'text'", defvar n count(...)); it returns how many
// nodes it holds (0 for the others). As
// in Augeas any name is accepted, though only [A-Za-z_][A-Za-z0-9_]*
// can be written as $name in a path.
func (h *Handle) DefineVariable(name, expr string) (int, error) {
	px, err := h.parse(expr)
	if err != nil {
		return 0, err
	}
	h.needParsed(px, false)
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
	h.needSub(sub)
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

// Get returns the value of the one node p selects; ok is false when the
// node has no value (augtool prints "(none)"), which is not the empty
// string.
func (h *Handle) Get(p string) (value string, ok bool, err error) {
	n, err := h.one(p)
	return valueOfNode(n, err)
}

// GetPath is Get of a compiled path (tree.ParsePath), for a path used
// many times.
func (h *Handle) GetPath(p *tree.Path) (value string, ok bool, err error) {
	n, err := h.onePath(p)
	return valueOfNode(n, err)
}

func valueOfNode(n *tree.Node, err error) (string, bool, error) {
	if err != nil {
		return "", false, err
	}
	value, ok := n.Value()
	return value, ok, nil
}

// Match returns the paths of the nodes p selects, in document order, in
// augtool's form (a [n] only where a label repeats).
func (h *Handle) Match(p string) ([]string, error) {
	ns, err := h.match(p)
	return pathsOf(ns, err)
}

// MatchPath is Match of a compiled path (tree.ParsePath), for a path
// used many times.
func (h *Handle) MatchPath(p *tree.Path) ([]string, error) {
	ns, err := h.matchPath(p)
	return pathsOf(ns, err)
}

func pathsOf(ns []*tree.Node, err error) ([]string, error) {
	if err != nil {
		return nil, err
	}
	return tree.Paths(ns), nil // linear: n.Path() on each of many siblings is quadratic
}

// Set gives the node p selects the value, creating it (and missing
// parents) when p selects nothing.
func (h *Handle) Set(p, value string) error { return h.setValue(p, &value) }

// SetPath is Set of a compiled path (tree.ParsePath), for a path used
// many times.
func (h *Handle) SetPath(p *tree.Path, value string) error {
	ns, err := h.matchOrCreatePath(p)
	return setOnly(p.String(), ns, err, &value)
}

// setValue is Set, or Clear when value is nil.
func (h *Handle) setValue(p string, value *string) error {
	ns, err := h.matchOrCreate(p)
	return setOnly(p, ns, err, value)
}

// setOnly sets (or clears, when value is nil) the one node of ns, what
// p selected or made.
func setOnly(p string, ns []*tree.Node, err error, value *string) error {
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
// returns how many nodes went (augtool's "rm : PATH N"). The root and
// /augeas are never removed and count for nothing (augtool 1.14 does
// the same for the root; it removes /augeas, after which none of its
// saves succeed). Removing /files removes everything under it and
// counts /files too, but the node stays, as augtool shows it.
func (h *Handle) Remove(p string) (int, error) {
	ns, err := h.match(p)
	if err != nil {
		return 0, err
	}
	count := 0
	for _, n := range ns {
		if !h.inTree(n) || n == h.root || n == h.augeasNode() {
			continue // gone already: selected twice, or under a node removed before
		}
		count += size(n)
		if n == h.filesNode() {
			for _, c := range slices.Clone(n.Children()) {
				c.Detach()
			}
			continue
		}
		n.Detach()
	}
	return count, nil
}

// Insert adds a node labelled label before or after the one node p
// selects. A label holding "/" is refused with ErrInvalidLabel before p
// is evaluated (after it is parsed), as Augeas does: such a node could
// never be saved.
func (h *Handle) Insert(p, label string, before bool) error {
	if strings.Contains(label, "/") {
		if _, err := h.parse(p); err != nil {
			return err
		}
		return fmt.Errorf("%s: %w", label, ErrInvalidLabel)
	}
	if px, err := h.parse(p); err == nil {
		h.needParsed(px, true) // the node goes among its siblings
	}
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

// MatchNodes returns the nodes p selects, for callers that print or walk
// them (the CLI's print and ls). Changes made through them are seen by
// Save like any other.
func (h *Handle) MatchNodes(p string) ([]*tree.Node, error) { return h.match(p) }

// Clear removes the value of the node p selects (a node without a value
// is not one with ""), creating it when p selects nothing.
func (h *Handle) Clear(p string) error { return h.setValue(p, nil) }

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
	if s == h.root || move && (s == h.augeasNode() || s == h.filesNode()) {
		return fmt.Errorf("%s: %w", src, ErrTopLevel)
	}
	ds, err := h.match(dst)
	if err != nil {
		return err
	}
	var d *tree.Node
	switch len(ds) {
	case 0:
		// refuse before creating anything under src
		px, _ := h.parse(dst)
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
	if d == h.root || d == h.augeasNode() {
		return fmt.Errorf("%s: %w", dst, ErrTopLevel)
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
