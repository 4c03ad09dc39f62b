package lens

import (
	"fmt"
	"slices"
	"strings"

	"github.com/lensnet/lensnet/lens/source"
	"github.com/lensnet/lensnet/regular"
	"github.com/lensnet/lensnet/tree"
)

// PutError is a failure to write a tree with a lens: the path of the
// offending node, the lens, and what went wrong.
type PutError struct {
	Path string
	Lens source.Info
	Msg  string
}

func (e *PutError) Error() string {
	return fmt.Sprintf("%s: %s (lens %s)", e.Path, e.Msg, e.Lens)
}

// Put writes the children of root back to text, reusing the formatting
// of original (which must be readable with the lens) wherever the tree
// still has the nodes it was read into: untouched parts come out byte for
// byte, new nodes get the lens's defaults. As in Augeas, a root without
// children writes the empty text, whatever the lens (a file whose tree
// was emptied is emptied).
func (l *Lens) Put(root *tree.Node, original string) (string, error) {
	if root.Len() == 0 {
		return "", nil
	}
	g := &getter{text: original, getMode: getMode{skel: true}}
	lvl, sk, err := g.top(l)
	if err != nil {
		return "", fmt.Errorf("original text: %w", err)
	}
	return l.put(root, &sk, lvl.dict, len(original))
}

// Create writes the children of root as new text, with the defaults of
// the lens's del lenses for all formatting. A root without children
// writes the empty text, as Put does.
func (l *Lens) Create(root *tree.Node) (string, error) {
	if root.Len() == 0 {
		return "", nil
	}
	return l.put(root, nil, nil, 0)
}

func (l *Lens) put(root *tree.Node, sk *skel, d *dict, sizeHint int) (string, error) {
	p := &putter{node: root, top: root}
	p.out.Grow(sizeHint + sizeHint/8)
	sp := newSplit(root.Children())
	if !l.types().atype.Match(sp.enc()) {
		// below the top, subtrees check their children before they are
		// written; here the whole level is checked, and the walk is still
		// tried for a more precise message
		if err := p.put(l, sp, sk, d); err != nil {
			return "", err
		}
		return "", p.mismatch(l, sp)
	}
	if err := p.put(l, sp, sk, d); err != nil {
		return "", err
	}
	return p.out.String(), nil
}

type putter struct {
	out  strings.Builder
	node *tree.Node // the node whose label and value key and store write
	top  *tree.Node // the root of the tree written: error paths start below it
	// verify, for PutChanged, holds the subtree lens and span that read
	// each node of the level being written: a subtree is then written
	// as its original text, and fails if put chose another lens for it
	verify     []foundSubtree
	verifyText string
	depth      int
	pbuf       []int // scratch for cut
	sbuf       []int
}

// encLevel is the encoding of one list of siblings for matching against
// atypes: label \003 value \004 per node, with the node boundaries.
type encLevel struct {
	nodes []*tree.Node
	enc   string
	offs  []int // offs[k] is where node k starts; offs[len(nodes)] == len(enc)
}

// split is the slice nodes[a:b] of a level.
type split struct {
	lv   *encLevel
	a, b int
}

func newSplit(nodes []*tree.Node) split {
	lv := &encLevel{nodes: nodes, offs: make([]int, len(nodes)+1)}
	var b strings.Builder
	size := 0
	for _, n := range nodes {
		lab, _ := n.Label()
		v, _ := n.Value()
		size += len(lab) + len(v) + len(encSep) + len(encEnd)
	}
	b.Grow(size)
	for k, n := range nodes {
		lv.offs[k] = b.Len()
		if lab, ok := n.Label(); ok {
			b.WriteString(lab)
		}
		b.WriteString(encSep)
		if v, ok := n.Value(); ok {
			b.WriteString(v)
		}
		b.WriteString(encEnd)
	}
	lv.offs[len(nodes)] = b.Len()
	lv.enc = b.String()
	return split{lv: lv, a: 0, b: len(nodes)}
}

func (s split) enc() string { return s.lv.enc[s.lv.offs[s.a]:s.lv.offs[s.b]] }

// node returns the index of the node boundary at byte off of the
// encoding, or -1.
func (s split) node(off int) int {
	k, ok := slices.BinarySearch(s.lv.offs, off)
	if !ok {
		return -1
	}
	return k
}

func (p *putter) errorf(l *Lens, n *tree.Node, format string, args ...any) error {
	return &PutError{Path: n.PathFrom(p.top), Lens: l.info, Msg: fmt.Sprintf(format, args...)}
}

// applies reports whether l can write the nodes of sp: its atype matches
// their encoding, and a lens that writes a value only applies to an empty
// slice if the node has one (Augeas's rule).
func (p *putter) applies(l *Lens, sp split) bool {
	if !l.types().atype.Match(sp.enc()) {
		return false
	}
	if sp.a == sp.b && l.hasValue {
		_, ok := p.node.Value()
		return ok
	}
	return true
}

// put writes sp with l, reusing sk (nil: create) and taking the old
// formatting of subtrees from d.
func (p *putter) put(l *Lens, sp split, sk *skel, d *dict) error {
	switch l.kind {
	case KindDel:
		if sk != nil && sk.lens != nil && sk.lens.kind == KindDel {
			p.out.WriteString(sk.text)
		} else {
			p.out.WriteString(l.str)
		}
	case KindStore:
		v, ok := p.node.Value()
		if !ok {
			return p.errorf(l, p.node, "can not store a nonexistent (NULL) value")
		}
		if !l.re.Match(v) {
			return p.errorf(l, p.node, "value %q does not match regexp %s in store lens", v, l.re.Regexp().Quote())
		}
		p.out.WriteString(v)
	case KindKey:
		lab, ok := p.node.Label()
		if !ok {
			return p.errorf(l, p.node, "can not write a node without label with a key lens")
		}
		if !l.re.Match(lab) {
			return p.errorf(l, p.node, "label %q does not match regexp %s in key lens", lab, l.re.Regexp().Quote())
		}
		p.out.WriteString(lab)
	case KindLabel, KindValue, KindSeq, KindCounter:
	case KindSubtree:
		return p.subtree(l, sp, d)
	case KindRec:
		if l.body() == nil {
			return p.errorf(l, p.node, "recursive lens used before it was defined")
		}
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > maxDepth {
			return p.errorf(l, p.node, "tree nested too deeply")
		}
		return p.put(l.body(), sp, sk, d)
	case KindConcat, KindSquare:
		return p.concat(l, sp, sk, d)
	case KindUnion:
		for _, k := range l.kids {
			if p.applies(k, sp) {
				if sk != nil && !instanceOf(k, sk) {
					sk = nil
				}
				return p.put(k, sp, sk, d)
			}
		}
		return p.mismatch(l, sp)
	case KindMaybe:
		k := l.kids[0]
		if !p.applies(k, sp) {
			if sp.a != sp.b {
				return p.mismatch(l, sp)
			}
			return nil
		}
		var ksk *skel
		if sk != nil {
			if sk.lens != nil && sk.lens.kind == KindMaybe && sk.lens != k {
				if len(sk.kids) == 1 {
					ksk = &sk.kids[0]
				}
			} else {
				ksk = sk
			}
			if ksk != nil && !instanceOf(k, ksk) {
				ksk = nil
			}
		}
		return p.put(k, sp, ksk, d)
	case KindStar:
		return p.star(l, sp, sk, d)
	default:
		return p.errorf(l, p.node, "invalid lens")
	}
	return nil
}

func (p *putter) subtree(l *Lens, sp split, d *dict) error {
	if sp.b-sp.a != 1 {
		return p.mismatch(l, sp)
	}
	n := sp.lv.nodes[sp.a]
	if p.verify != nil {
		f := p.verify[sp.a]
		if f.lens != l {
			return p.errorf(l, n, "written with another lens than the one that read it")
		}
		p.out.WriteString(p.verifyText[f.i:f.j])
		return nil
	}
	lab, has := n.Label()
	var sk *skel
	var sub *dict
	if k := d.take(n, dictKey{lab, has}); k >= 0 {
		var e *dictEntry
		if d.src != nil {
			if f := d.src.found[k]; f.lens == l && d.src.nodes[k] == n && !l.recursive && !tree.SubtreeChanged(n) {
				// the node read there, unchanged, written with the lens
				// that read it: GetPut, as in PutChanged's splice
				p.out.WriteString(d.src.text[f.i:f.j])
				return nil
			}
			var err error
			if e, err = d.read(k); err != nil {
				return err
			}
		} else {
			e = &d.ents[k]
		}
		sub = e.sub
		if instanceOf(l.kids[0], &e.skel) {
			sk = &e.skel
		}
	}
	outer := p.node
	p.node = n
	defer func() { p.node = outer }()
	child := newSplit(n.Children())
	k := l.kids[0]
	if !k.types().atype.Match(child.enc()) {
		return p.mismatch(k, child)
	}
	return p.put(k, child, sk, sub)
}

func (p *putter) concat(l *Lens, sp split, sk *skel, d *dict) error {
	n := len(l.kids)
	enc := sp.lv.enc
	pos, end := sp.lv.offs[sp.a], sp.lv.offs[sp.b]
	a := sp.a
	for k, kid := range l.kids {
		b := sp.b
		if k < n-1 {
			c, ok := cut(kid.types().atype, l.asuf(k+1), enc, pos, end, &p.pbuf, &p.sbuf)
			if !ok {
				return p.mismatch(l, sp)
			}
			if b = sp.node(c); b < 0 {
				return p.mismatch(l, sp)
			}
			pos = c
		}
		var ksk *skel
		if sk != nil && len(sk.kids) == n {
			ksk = &sk.kids[k]
		}
		piece := split{lv: sp.lv, a: a, b: b}
		if l.kind == KindSquare && k == 2 && l.kids[0].kind == KindKey {
			// the closing part of a square repeats the node's label
			lab, _ := p.node.Label()
			if !kid.re.Match(lab) {
				return p.errorf(kid, p.node, "label %q does not match regexp %s in square lens", lab, kid.re.Regexp().Quote())
			}
			p.out.WriteString(lab)
		} else if err := p.put(kid, piece, ksk, d); err != nil {
			return err
		}
		a = b
	}
	return nil
}

func (p *putter) star(l *Lens, sp split, sk *skel, d *dict) error {
	child := l.kids[0]
	cfa := child.types().atype
	enc := sp.lv.enc
	lo, end := sp.lv.offs[sp.a], sp.lv.offs[sp.b]
	var starts []int
	var ps []int
	pos, a, iter := lo, sp.a, 0
	for a < sp.b {
		ps = cfa.AppendPrefixes(ps[:0], enc[pos:end])
		if len(ps) > 0 && ps[0] == 0 {
			ps = ps[1:]
		}
		c := -1
		switch len(ps) {
		case 0:
		case 1:
			c = pos + ps[0]
		default:
			if starts == nil {
				starts = l.types().atype.AppendStarts(nil, enc[lo:end])
			}
			for x := len(ps) - 1; x >= 0; x-- {
				if _, ok := slices.BinarySearch(starts, pos+ps[x]-lo); ok {
					c = pos + ps[x]
					break
				}
			}
		}
		b := -1
		if c >= 0 {
			b = sp.node(c)
		}
		if b < 0 {
			return p.mismatch(l, split{lv: sp.lv, a: a, b: sp.b})
		}
		var ksk *skel
		if sk != nil && iter < len(sk.kids) && instanceOf(child, &sk.kids[iter]) {
			ksk = &sk.kids[iter]
		}
		before := p.out.Len()
		if err := p.put(child, split{lv: sp.lv, a: a, b: b}, ksk, d); err != nil {
			return err
		}
		if p.out.Len() == before && b > a {
			// get would read no iteration back from no text
			return p.errorf(l, sp.lv.nodes[a], "the iterated lens writes no text for %s, so it could not be read back", formatNodes(sp.lv.nodes[a:b]))
		}
		pos, a = c, b
		iter++
	}
	return nil
}

// mismatch reports that the nodes of sp do not fit l.
func (p *putter) mismatch(l *Lens, sp split) error {
	// named by the node whose children do not fit, as Augeas names it
	return p.errorf(l, p.node, "the tree %s does not match %s", formatNodes(sp.lv.nodes[sp.a:sp.b]), FormatAtype(l))
}

func formatNodes(nodes []*tree.Node) string {
	if len(nodes) == 0 {
		return "(empty)"
	}
	var b strings.Builder
	for k, n := range nodes {
		if k > 0 {
			b.WriteByte(' ')
		}
		if k == 8 {
			fmt.Fprintf(&b, "... (%d more)", len(nodes)-k)
			break
		}
		b.WriteString(formatNode(n))
	}
	return b.String()
}

func formatNode(n *tree.Node) string {
	s := "{"
	if lab, ok := n.Label(); ok {
		s += fmt.Sprintf(" %q", lab)
	}
	if v, ok := n.Value(); ok {
		s += fmt.Sprintf(" = %q", v)
	}
	if n.Len() > 0 {
		s += " ..."
	}
	return s + " }"
}

// FormatAtype describes the trees a lens writes, one level deep, the way
// Augeas prints it in errors: { /key/ = /value/ } for a subtree, with *,
// ? and | for iteration, options and alternatives.
func FormatAtype(l *Lens) string {
	s, _ := formatAtype(l, 0)
	if s == "" {
		return "()"
	}
	return s
}

func formatAtype(l *Lens, depth int) (s string, multi bool) {
	if depth > 20 {
		return "...", false
	}
	switch l.kind {
	case KindSubtree:
		k := l.kids[0]
		kt := k.types()
		s := "{"
		if kt.ktype != nil {
			s += " " + quoteFA(kt.ktype)
		}
		if kt.vtype != nil {
			s += " = " + quoteFA(kt.vtype)
		}
		return s + " }", false
	case KindConcat, KindSquare:
		var parts []string
		for _, k := range l.kids {
			if s, _ := formatAtype(k, depth+1); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, " "), len(parts) > 1
	case KindUnion:
		var parts []string
		empty := false
		for _, k := range l.kids {
			if s, _ := formatAtype(k, depth+1); s != "" {
				parts = append(parts, s)
			} else {
				empty = true
			}
		}
		if empty {
			parts = append(parts, "()")
		}
		if len(parts) == 1 {
			return parts[0], false
		}
		return "(" + strings.Join(parts, " | ") + ")", false
	case KindStar, KindMaybe:
		s, multi := formatAtype(l.kids[0], depth+1)
		if s == "" {
			return "", false
		}
		op := "*"
		if l.kind == KindMaybe {
			op = "?"
		}
		if multi {
			s = "(" + s + ")"
		}
		return s + op, false
	case KindRec:
		return "<<rec>>", false
	}
	return "", false
}

func quoteFA(fa *regular.FA) string {
	s := fa.Regexp().Quote()
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return s
}
