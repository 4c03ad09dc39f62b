package tree

import (
	"sync"

	"github.com/lensnet/lensnet/internal/workers"
)

// This file holds lazy nodes, for lens engines: a node whose children are
// made by an Expander the first time anything looks at them (SetLazy).
// Every method of Node that reaches the children goes through kids,
// which makes them; Dump and Fprint read all the lazy nodes of a subtree
// at once first (readAll).

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

// SetLazy makes e give n its children the first time anything looks at
// them (Children, Len, Child, a path step, print, an edit); until then n
// holds none. It replaces the children n has without marking anything as
// changed: it is for lens engines, reading a tree. Several goroutines may
// read a tree with lazy nodes at once (the first to need the children
// makes them, the others wait), as they may read any tree.
func SetLazy(n *Node, e Expander) {
	n.children = nil
	n.lazy.Store(&lazyChildren{e: e})
}

// IsLazy reports whether n's children are not made yet (SetLazy).
func IsLazy(n *Node) bool { return n.lazy.Load() != nil }

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

// readAll makes the children of every lazy node in the subtree of n
// now, several at a time, as a walk of the whole subtree (print) would
// one after the other.
func (n *Node) readAll() {
	var lazy []*Node
	var walk func(m *Node)
	walk = func(m *Node) {
		if IsLazy(m) {
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
