package tree

import (
	"sync"
	"sync/atomic"

	"github.com/lensnet/lensnet/internal/workers"
)

// Node is one node of a tree. The zero Node is a hidden node without
// value or children.
//
// A Node is not safe for concurrent modification. Children returns the
// node's own slice, so that large trees (tens of thousands of children
// under one node) can be walked without copying; callers must not modify
// it.
type Node struct {
	label    string
	value    string
	hasLabel bool
	hasValue bool
	parent   *Node
	children []*Node
	marks    marks
	// lazy, when set, makes the children on first use (see SetLazy)
	lazy atomic.Pointer[lazyChildren]

	// Span is the text the node was read from, if it was read by a lens.
	Span Span
}

// Span records where a node came from in the text it was read from, as
// byte offsets. Ranges that do not apply (a hidden node has no label
// text, a node made by the label lens has none either) are empty.
type Span struct {
	LabelStart, LabelEnd int // the text the label was read from
	ValueStart, ValueEnd int // the text the value was read from
	Start, End           int // the whole node, children included
}

// marks record what changed in a tree since it was read (or since
// ClearChanges), for augtool's modified() and for writing back only what
// changed. Every mutation sets them; nodes made by New, NewValue and
// NewHidden start unmarked.
type marks uint8

const (
	// markModified is Augeas's dirty flag of the node itself: its label
	// or value changed, it was attached to a parent (new, moved or
	// copied), or one of its children was removed.
	markModified marks = 1 << iota
	// markChildren: the list of children changed (added, removed,
	// reordered).
	markChildren
	// markBelow: a descendant is marked. Every ancestor of a marked node
	// carries it, so a walk of the changes skips unmarked subtrees.
	markBelow
	// markFile: the node is the top of a file's tree; it counts as
	// modified when anything in the file changed, as Augeas marks the
	// file's node.
	markFile
)

const changeMarks = markModified | markChildren | markBelow

// mark sets m on n and markBelow on its ancestors, stopping at the first
// one that already has it (its own ancestors have it too).
func (n *Node) mark(m marks) {
	n.marks |= m
	for a := n.parent; a != nil && a.marks&markBelow == 0; a = a.parent {
		a.marks |= markBelow
	}
}

// Modified reports whether the node changed since it was read or since
// the last ClearChanges, as augtool's modified() does: its label or
// value was changed, it was added, moved or copied here, or a child was
// removed; a node SetFileRoot marks also reports any change below it.
func (n *Node) Modified() bool {
	if n.marks&markModified != 0 {
		return true
	}
	return n.marks&markFile != 0 && n.marks&(markChildren|markBelow) != 0
}

// Changed reports whether anything in the subtree of n changed since it
// was read or since the last ClearChanges: n's label or value, its list
// of children, or any descendant.
func (n *Node) Changed() bool { return n.marks&changeMarks != 0 }

// SelfChanged reports whether n's own label or value changed, n was
// attached to its parent, or a child was removed (Augeas's dirty flag of
// the node, without the file marking of Modified).
func (n *Node) SelfChanged() bool { return n.marks&markModified != 0 }

// ChildrenChanged reports whether n's list of children changed: a child
// was added, removed or moved.
func (n *Node) ChildrenChanged() bool { return n.marks&markChildren != 0 }

// ClearChanges forgets the changes in the subtree of n (visiting only
// changed nodes), as after loading or saving it. Ancestors keep their
// marks.
func (n *Node) ClearChanges() {
	if n.marks&changeMarks == 0 {
		return
	}
	below := n.marks&markBelow != 0
	n.marks &^= changeMarks
	if below {
		for _, c := range n.children {
			c.ClearChanges()
		}
	}
}

// SetFileRoot makes n report, in Modified, every change below it (or
// stops doing so), as Augeas does for the node of a file.
func (n *Node) SetFileRoot(on bool) {
	if on {
		n.marks |= markFile
	} else {
		n.marks &^= markFile
	}
}

// Expander makes the children of a node when they are first needed: a
// lens reading a large file can leave the levels below the top ones
// unread until a path, an edit or a print goes there.
type Expander interface {
	// Expand returns the node's children, fresh nodes without a
	// parent. It is called at most once per SetLazy.
	Expand() []*Node
}

type lazyChildren struct {
	e  Expander
	mu sync.Mutex // held while e makes the children
}

// SetLazy makes e give the node its children the first time anything
// looks at them (Children, Len, Child, a path step, print, an edit); until
// then the node holds none. It replaces the children the node has
// without marking anything as changed: it is for trees being read. Several
// goroutines may read a tree with lazy nodes at once (the first to need
// the children makes them, the others wait), as they may read any tree.
func (n *Node) SetLazy(e Expander) {
	n.children = nil
	n.lazy.Store(&lazyChildren{e: e})
}

// Lazy reports whether the node's children are not made yet.
func (n *Node) Lazy() bool { return n.lazy.Load() != nil }

// kids returns the node's children, making them first if the node is
// lazy.
func (n *Node) kids() []*Node {
	if z := n.lazy.Load(); z != nil {
		n.expand(z)
	}
	return n.children
}

func (n *Node) expand(z *lazyChildren) {
	z.mu.Lock()
	defer z.mu.Unlock()
	if n.lazy.Load() != z {
		return // made meanwhile by another reader
	}
	kids := z.e.Expand()
	for _, c := range kids {
		c.parent = n
	}
	n.children = kids
	n.lazy.Store(nil)
}

// BatchExpander is an Expander that makes the children of many nodes
// at once faster than one by one (sharing what it reads them with).
type BatchExpander interface {
	Expander
	// ExpandBatch returns, for each es[i], what es[i].Expand would. All
	// of es are of the same kind as the receiver, and may be unusable
	// together (from different texts, say): then it returns nil.
	ExpandBatch(es []Expander) [][]*Node
}

// ReadAll makes the children of every lazy node in the subtree of n
// now, several at a time, as a walk of the whole subtree (print) would
// one after the other.
func (n *Node) ReadAll() {
	var lazy []*Node
	var walk func(m *Node)
	walk = func(m *Node) {
		if m.Lazy() {
			lazy = append(lazy, m)
			return
		}
		for _, c := range m.children {
			walk(c)
		}
	}
	walk(n)
	if len(lazy) < 2 {
		return // a walk makes them as it goes
	}
	workers.EachBatch(len(lazy), 256, func(lo, hi int) { expandBatch(lazy[lo:hi]) })
}

// expandBatch makes the children of the lazy nodes, with one
// ExpandBatch call when their expanders allow it.
func expandBatch(nodes []*Node) {
	var zs []*lazyChildren
	var held []*Node
	for _, m := range nodes {
		z := m.lazy.Load()
		if z == nil {
			continue
		}
		z.mu.Lock()
		if m.lazy.Load() != z {
			z.mu.Unlock()
			continue
		}
		zs = append(zs, z)
		held = append(held, m)
	}
	var kids [][]*Node
	if len(zs) > 0 {
		if b, ok := zs[0].e.(BatchExpander); ok {
			es := make([]Expander, len(zs))
			for k, z := range zs {
				es[k] = z.e
			}
			kids = b.ExpandBatch(es)
		}
	}
	for k, m := range held {
		var ks []*Node
		if kids != nil {
			ks = kids[k]
		} else {
			ks = zs[k].e.Expand()
		}
		for _, c := range ks {
			c.parent = m
		}
		m.children = ks
		m.lazy.Store(nil)
		zs[k].mu.Unlock()
	}
}

// New returns a node with the given label, no value and no children.
func New(label string) *Node { return &Node{label: label, hasLabel: true} }

// NewValue returns a node with the given label and value.
func NewValue(label, value string) *Node {
	return &Node{label: label, hasLabel: true, value: value, hasValue: true}
}

// NewHidden returns a node without label, value or children.
func NewHidden() *Node { return &Node{} }

// Nodes makes nodes in chunks of Chunk nodes (one allocation for many),
// for code that builds a large tree at once, such as a lens reading a
// file. A chunk stays in memory as long as one of its nodes is
// reachable. The zero value makes chunks of 64.
type Nodes struct {
	Chunk int
	buf   []Node
}

// New is New(label) from the next slot of the chunk.
func (a *Nodes) New(label string) *Node {
	n := a.next()
	n.label, n.hasLabel = label, true
	return n
}

// NewHidden is NewHidden() from the next slot of the chunk.
func (a *Nodes) NewHidden() *Node { return a.next() }

// Read returns a node as a lens reads it, from the next slot of the
// chunk: a label and a value (each only if has...), and children, which
// must be fresh nodes without a parent; it keeps the slice as it is.
// Nothing is marked as changed: a tree as read holds no changes, and
// need not be walked by ClearChanges afterwards.
func (a *Nodes) Read(label string, hasLabel bool, value string, hasValue bool, children []*Node) *Node {
	n := a.next()
	n.label, n.hasLabel, n.value, n.hasValue = label, hasLabel, value, hasValue
	for _, c := range children {
		c.parent = n
	}
	n.children = children
	return n
}

func (a *Nodes) next() *Node {
	if len(a.buf) == 0 {
		size := a.Chunk
		if size <= 0 {
			size = 64
		}
		a.buf = make([]Node, size)
	}
	n := &a.buf[0]
	a.buf = a.buf[1:]
	return n
}

// Label returns the node's label, and false if it has none (the node is
// hidden).
func (n *Node) Label() (string, bool) { return n.label, n.hasLabel }

// Hidden reports whether the node has no label.
func (n *Node) Hidden() bool { return !n.hasLabel }

// SetLabel gives the node a label.
func (n *Node) SetLabel(label string) {
	if !n.hasLabel || n.label != label {
		n.label, n.hasLabel = label, true
		n.mark(markModified)
	}
}

// ClearLabel removes the node's label, making it hidden.
func (n *Node) ClearLabel() {
	if n.hasLabel {
		n.label, n.hasLabel = "", false
		n.mark(markModified)
	}
}

// Value returns the node's value, and false if it has none.
func (n *Node) Value() (string, bool) { return n.value, n.hasValue }

// SetValue sets the node's value.
// Setting the value a node already has changes nothing.
func (n *Node) SetValue(value string) {
	if !n.hasValue || n.value != value {
		n.value, n.hasValue = value, true
		n.mark(markModified)
	}
}

// ClearValue removes the node's value (which is not the same as setting it
// to the empty string).
func (n *Node) ClearValue() {
	if n.hasValue {
		n.value, n.hasValue = "", false
		n.mark(markModified)
	}
}

// Parent returns the node's parent, or nil.
func (n *Node) Parent() *Node { return n.parent }

// Children returns the node's children in order. The slice belongs to the
// node: do not modify it, and do not keep it across changes to the node.
func (n *Node) Children() []*Node { return n.kids() }

// Len returns the number of children.
func (n *Node) Len() int { return len(n.kids()) }

// Child returns the i-th child (0-based).
func (n *Node) Child(i int) *Node { return n.kids()[i] }

// Append adds children at the end, detaching each from its old parent
// first.
func (n *Node) Append(children ...*Node) {
	n.kids()
	for _, c := range children {
		c.Detach()
		c.parent = n
		n.children = append(n.children, c)
		c.marks |= markModified
	}
	if len(children) > 0 {
		n.mark(markChildren | markBelow)
	}
}

// Insert puts c before the i-th child (i == Len() appends), detaching it
// from its old parent first. i is clamped to [0, Len()].
func (n *Node) Insert(i int, c *Node) {
	c.Detach()
	i = max(0, min(i, len(n.kids())))
	c.parent = n
	n.children = append(n.children, nil)
	copy(n.children[i+1:], n.children[i:])
	n.children[i] = c
	c.marks |= markModified
	n.mark(markChildren | markBelow)
}

// Remove detaches the i-th child and returns it.
func (n *Node) Remove(i int) *Node {
	c := n.kids()[i]
	copy(n.children[i:], n.children[i+1:])
	n.children[len(n.children)-1] = nil
	n.children = n.children[:len(n.children)-1]
	c.parent = nil
	n.mark(markModified | markChildren)
	return c
}

// Detach removes the node from its parent, if it has one.
func (n *Node) Detach() {
	if n.parent == nil {
		return
	}
	if i := n.Index(); i >= 0 {
		n.parent.Remove(i)
	}
	n.parent = nil
}

// Index returns the node's position among its parent's children, or -1
// if it has no parent. It takes time linear in the number of siblings.
func (n *Node) Index() int {
	if n.parent == nil {
		return -1
	}
	for i, c := range n.parent.kids() {
		if c == n {
			return i
		}
	}
	return -1
}

// SetChildren replaces the node's children, detaching the old ones and
// taking the new ones from their old parents (each old parent's list is
// filtered once, so moving many nodes is linear). The node takes
// ownership of the slice.
func (n *Node) SetChildren(children []*Node) {
	removed := len(n.kids()) > 0
	for _, c := range n.children {
		c.parent = nil
	}
	var moved, isOld map[*Node]bool
	var olds []*Node
	for _, c := range children {
		if c.parent != nil && c.parent != n {
			if moved == nil {
				moved, isOld = map[*Node]bool{}, map[*Node]bool{}
			}
			if !isOld[c.parent] {
				isOld[c.parent] = true
				olds = append(olds, c.parent)
			}
			moved[c] = true
		}
	}
	for _, p := range olds {
		// a fresh list: children may be p's own slice (n.SetChildren(p.Children()))
		var keep []*Node
		for _, c := range p.kids() {
			if !moved[c] {
				keep = append(keep, c)
			}
		}
		p.children = keep
		p.mark(markModified | markChildren)
	}
	for _, c := range children {
		c.parent = n
		c.marks |= markModified
	}
	n.children = children
	m := markChildren
	if len(children) > 0 {
		m |= markBelow
	}
	if removed {
		m |= markModified
	}
	n.mark(m)
}

// Clone returns a deep copy of the node without its parent. Every node
// of the copy counts as modified (it is new), as Augeas's copies do.
func (n *Node) Clone() *Node {
	c := &Node{label: n.label, value: n.value, hasLabel: n.hasLabel, hasValue: n.hasValue, Span: n.Span, marks: markModified}
	if len(n.kids()) > 0 {
		c.marks |= markChildren | markBelow
		c.children = make([]*Node, len(n.children))
		for i, k := range n.children {
			kc := k.Clone()
			kc.parent = c
			c.children[i] = kc
		}
	}
	return c
}

// Equal reports whether a and b have the same label, value and children,
// recursively. Spans and parents are not compared; an absent label or
// value differs from an empty one.
func Equal(a, b *Node) bool {
	if a.hasLabel != b.hasLabel || a.label != b.label || a.hasValue != b.hasValue || a.value != b.value {
		return false
	}
	if len(a.kids()) != len(b.kids()) {
		return false
	}
	for i := range a.children {
		if !Equal(a.children[i], b.children[i]) {
			return false
		}
	}
	return true
}
