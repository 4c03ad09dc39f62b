package tree

// Alloc makes nodes in chunks of Chunk nodes (one allocation for many),
// for lens engines and other code that builds a large tree at once, such
// as a lens reading a file. A chunk stays in memory as long as one of its
// nodes is reachable. The zero value makes chunks of 64.
type Alloc struct {
	Chunk int
	buf   []Node
}

// New is New(label) from the next slot of the chunk.
func (a *Alloc) New(label string) *Node {
	n := a.next()
	n.label, n.hasLabel = label, true
	return n
}

// NewHidden is NewHidden() from the next slot of the chunk.
func (a *Alloc) NewHidden() *Node { return a.next() }

// Read returns a node as a lens reads it, from the next slot of the
// chunk: a label and a value (each only if has...), and children, which
// must be fresh nodes without a parent; it keeps the slice as it is.
// Nothing is marked as changed: a tree as read holds no changes, and
// need not be walked by ClearChanges afterwards.
func (a *Alloc) Read(label string, hasLabel bool, value string, hasValue bool, children []*Node) *Node {
	n := a.next()
	n.label, n.hasLabel, n.value, n.hasValue = label, hasLabel, value, hasValue
	for _, c := range children {
		c.parent = n
	}
	n.children = children
	return n
}

func (a *Alloc) next() *Node {
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
