package lens

import "github.com/lensnet/lensnet/tree"

// Get reads text into a tree (Get), also noting which subtree lens read
// each node of the top level (GetLayout), or leaving the levels below
// it to be read when wanted (GetLazy). The reading itself is the
// getter's (getter.go); errors are *GetError (geterror.go).

// Get reads text with the lens and returns the tree it describes: a
// hidden root whose children are the nodes the lens makes.
func (l *Lens) Get(text string) (*tree.Node, error) {
	root, _, err := l.get(text, false)
	return root, err
}

// GetLayout is Get that also returns the layout of the top level of the
// text (nil for a recursive lens, see GetLazy): which subtree lens read
// each node of the top level, and with which label, for
// PutChangedLayout, which then need not read that level again, or, when
// the level changed, need not read the nodes below it that did not.
func (l *Lens) GetLayout(text string) (*tree.Node, *Layout, error) {
	return l.get(text, !l.recursive)
}

// GetLazy is GetLayout that may leave the levels below the top-level
// nodes unread: such a node gets its children, read from its text, the
// first time anything looks at them (tree.SetLazy). The tree is the
// one GetLayout returns, node for node, and errors are found at once as
// GetLayout finds them. Only the top-level subtrees whose text can be
// read again on its own with the same result are left unread (no
// square, no recursion, and seq numbers that do not depend on what was
// counted before); the rest is read as GetLayout reads it. Reading a
// large file to change a few nodes of it costs about half as much.
// Unlike GetLayout, it returns a layout for a recursive lens too (for
// the large files it is meant for, a layout spares PutChangedLayout the
// recogniser's second pass over the text; for the many small files
// GetLayout reads, it would only cost memory).
func (l *Lens) GetLazy(text string) (*tree.Node, *Layout, error) {
	if l.recursive {
		return l.get(text, true)
	}
	root, lay, _, err := l.getWith(text, getMode{record: true, lazy: l.lazyPlan()})
	return root, lay, err
}

func (l *Lens) get(text string, record bool) (*tree.Node, *Layout, error) {
	root, lay, _, err := l.getWith(text, getMode{record: record})
	return root, lay, err
}

// getWith reads text with a getter in mode (record, lazy, sequential
// and whole are the modes that apply at the top of a text), and also
// returns what the getter counted for tests.
func (l *Lens) getWith(text string, mode getMode) (*tree.Node, *Layout, getCounts, error) {
	g := newGetter(text)
	defer g.recycle()
	if mode.lazy != nil && len(mode.lazy.ok) == 0 {
		mode.lazy = nil // nothing to leave unread
	}
	g.getMode = mode
	lvl, _, err := g.top(l)
	if err != nil {
		if ge, ok := err.(*GetError); ok {
			if ge.noFit {
				if e := explainFailure(l, text); e != nil {
					ge = e
					err = e
				}
			}
			ge.Top = l.info
		}
		return nil, nil, g.counts, err
	}
	root := g.nodes.Read("", false, "", false, lvl.nodes) // nothing in it is modified
	root.Span = tree.Span{Start: 0, End: len(text)}
	var lay *Layout
	if g.record {
		lay = newLayout(l, text, lvl.nodes, g.found)
	}
	g.found = nil
	return root, lay, g.counts, nil
}
