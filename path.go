package lensnet

import (
	"fmt"

	"github.com/lensnet/lensnet/tree"
)

// match evaluates a path; relative paths start at /augeas/context
// (/files unless changed).
func (h *Handle) match(p string) ([]*tree.Node, error) {
	h.needPath(p)
	ctx, err := h.contextNode(false)
	if err != nil {
		return nil, err
	}
	return h.matchAt(ctx, p)
}

// createAtContext makes the node p names, relative paths starting at
// /augeas/context.
func (h *Handle) createAtContext(p string) (*tree.Node, error) {
	h.needPath(p)
	ctx, err := h.contextNode(true)
	if err != nil {
		return nil, err
	}
	return h.create(ctx, p)
}

// matchPath is match of a compiled path.
func (h *Handle) matchPath(px *tree.Path) ([]*tree.Node, error) {
	h.needParsed(px, false)
	ctx, err := h.contextNode(false)
	if err != nil {
		return nil, err
	}
	return px.MatchVars(ctx, h.liveVars())
}

// matchAt evaluates a path with relative paths starting at ctx.
func (h *Handle) matchAt(ctx *tree.Node, p string) ([]*tree.Node, error) {
	px, err := h.parse(p)
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
	h.needPath(p)
	ctx, err := h.contextNode(false)
	if err != nil {
		return nil, err
	}
	px, err := h.parse(p)
	if err != nil {
		return nil, err
	}
	return h.matchOrCreateAt(ctx, px)
}

// matchOrCreatePath is matchOrCreate of a compiled path.
func (h *Handle) matchOrCreatePath(px *tree.Path) ([]*tree.Node, error) {
	h.needParsed(px, false)
	ctx, err := h.contextNode(false)
	if err != nil {
		return nil, err
	}
	return h.matchOrCreateAt(ctx, px)
}

// matchOrCreateAt is matchOrCreate with ctx the context node.
func (h *Handle) matchOrCreateAt(ctx *tree.Node, px *tree.Path) ([]*tree.Node, error) {
	if h.inTree(ctx) {
		ns, _, err := px.MatchOrCreateVars(ctx, h.liveVars())
		return ns, err
	}
	ns, err := px.MatchVars(ctx, h.liveVars())
	if err != nil || len(ns) > 0 {
		return ns, err
	}
	ctx, err = h.contextNode(true)
	if err != nil {
		return nil, err
	}
	n, err := px.CreateVars(ctx, h.liveVars())
	if err != nil {
		return nil, err
	}
	return []*tree.Node{n}, nil
}

// create makes the node p names (relative to ctx), as Set does.
func (h *Handle) create(ctx *tree.Node, p string) (*tree.Node, error) {
	px, err := h.parse(p)
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

// one returns the one node p selects, or ErrNoMatch or ErrManyMatches.
func (h *Handle) one(p string) (*tree.Node, error) {
	ns, err := h.match(p)
	return onlyNode(p, ns, err)
}

// onePath is one of a compiled path.
func (h *Handle) onePath(px *tree.Path) (*tree.Node, error) {
	ns, err := h.matchPath(px)
	return onlyNode(px.String(), ns, err)
}

// onlyNode returns the one node of ns, what path p selected.
func onlyNode(p string, ns []*tree.Node, err error) (*tree.Node, error) {
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

// contextNode is the node /augeas/context names, against which
// relative paths are read. When it names no node, relative paths match
// nothing (a detached node stands in) and, with create, the node is
// created, as augtool creates it when a relative path is set.
func (h *Handle) contextNode(create bool) (*tree.Node, error) {
	c, ok := h.metaValue("context")
	if !ok || c == "" || c == "/files" {
		return h.filesNode(), nil
	}
	px, err := h.parse(c)
	if err != nil {
		return nil, fmt.Errorf("/augeas/context: %w", err)
	}
	ns, err := px.MatchVars(h.root, h.liveVars())
	if err != nil {
		return nil, fmt.Errorf("/augeas/context: %w", err)
	}
	switch {
	case len(ns) == 1:
		return ns[0], nil
	case len(ns) > 1:
		return nil, fmt.Errorf("/augeas/context %s: %w", c, ErrManyMatches)
	case create:
		return px.CreateVars(h.root, h.liveVars())
	}
	return tree.NewHidden(), nil
}

// pathCacheSize is how many of the path strings used last the handle
// keeps parsed, at least.
const pathCacheSize = 64

// pathCache keeps the parses of the path strings used last, so that a
// loop calling Get with the same string parses it once. Only the parse
// is kept: what a path selects depends on the tree, the variables and
// /augeas/context, and is found anew at every call. It holds the last
// pathCacheSize distinct strings at least, twice as many at most: when
// the current generation is full it becomes the old one and the older
// goes; a string found in the old generation moves to the current one.
type pathCache struct {
	cur, old map[string]*tree.Path
}

// parse returns the path p parsed, from the cache when it is there.
func (h *Handle) parse(p string) (*tree.Path, error) {
	c := &h.paths
	if px, ok := c.cur[p]; ok {
		return px, nil
	}
	px, ok := c.old[p]
	if !ok {
		var err error
		if px, err = tree.ParsePath(p); err != nil {
			return nil, err
		}
	}
	if c.cur == nil || len(c.cur) >= pathCacheSize {
		c.old, c.cur = c.cur, make(map[string]*tree.Path, pathCacheSize)
	}
	c.cur[p] = px
	return px, nil
}
