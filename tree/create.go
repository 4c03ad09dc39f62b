package tree

import (
	"errors"
	"fmt"
	"strconv"
)

// This file makes the nodes a path names (Create, MatchOrCreateVars),
// as a set of a path that selects nothing does.

// Create returns the single node the path selects, creating the missing
// trailing steps as new last children when it selects nothing. It fails
// when the path, or its deepest matching prefix, selects more than one
// node, or when a missing step is not child::name or seq::*.
// Predicates of created steps are ignored. The path may not use
// variables.
func (p *Path) Create(ctx *Node) (*Node, error) { return p.CreateVars(ctx, nil) }

// AnchorVars returns the node Create would start from: the one node the
// path selects, or the one node its deepest matching prefix selects
// (under which the missing steps would be created). It creates nothing.
func (p *Path) AnchorVars(ctx *Node, vars Vars) (*Node, error) {
	n, _, err := p.anchor(ctx, vars)
	return n, err
}

// ErrManyMatches is returned by Create when the path, or the deepest
// prefix of it that matches, selects more than one node; ErrCannotCreate
// when a missing step is not one Create can make (child::name, seq::*).
var (
	ErrManyMatches  = errors.New("too many matches for path expression")
	ErrCannotCreate = errors.New("cannot create the node")
)

// anchor evaluates the path as far as it matches and returns the single
// node reached and the steps still to create.
func (p *Path) anchor(ctx *Node, vars Vars) (*Node, []*step, error) {
	if p.e.kind != exPath {
		return nil, nil, fmt.Errorf("%s: cannot create nodes for this path expression", p.src)
	}
	s := &evalState{src: p.src, vars: vars}
	lp := p.e.lp
	start, err := s.locStart(lp, ectx{ctx, 1, 1})
	if err != nil {
		return nil, nil, err
	}
	nodes, i, err := s.steps(lp.steps, start, true)
	if err != nil {
		return nil, nil, err
	}
	rest, err := p.creatable(nodes, lp.steps[i:])
	if err != nil {
		return nil, nil, err
	}
	return nodes[0], rest, nil
}

// creatable checks that the steps left can be made under nodes, the
// single node the steps before them selected, before any is made.
func (p *Path) creatable(nodes []*Node, rest []*step) ([]*step, error) {
	if len(nodes) != 1 {
		if len(nodes) == 0 {
			return nil, fmt.Errorf("%s: no node to create under", p.src)
		}
		return nil, fmt.Errorf("%s: %w", p.src, ErrManyMatches)
	}
	for _, st := range rest { // check every step before making any
		if !(st.axis == axChild && st.test == testName) && !(st.axis == axSeq && st.test == testAny) {
			return nil, fmt.Errorf("%s: step %q: %w", p.src, st.src, ErrCannotCreate)
		}
	}
	return rest, nil
}

// createFrom makes the steps rest under the single node of nodes.
func (p *Path) createFrom(nodes []*Node, rest []*step) (*Node, error) {
	rest, err := p.creatable(nodes, rest)
	if err != nil {
		return nil, err
	}
	return p.make(nodes[0], rest)
}

// MatchOrCreateVars is what a set does with a path: the nodes p
// selects, or when it selects none, the node CreateVars makes (made is
// then true). A location path is evaluated once for both, not once to
// match and again to find where to create.
func (p *Path) MatchOrCreateVars(ctx *Node, vars Vars) (nodes []*Node, made bool, err error) {
	if p.e.kind != exPath {
		if nodes, err = p.MatchVars(ctx, vars); err != nil || len(nodes) > 0 {
			return nodes, false, err
		}
		n, err := p.CreateVars(ctx, vars)
		if err != nil {
			return nil, false, err
		}
		return []*Node{n}, true, nil
	}
	s := &evalState{src: p.src, vars: vars}
	lp := p.e.lp
	start, err := s.locStart(lp, ectx{ctx, 1, 1})
	if err != nil {
		return nil, false, err
	}
	// the steps as far as they select something: to the end, that is
	// the match (a step after an empty one selects nothing either)
	nodes, i, err := s.steps(lp.steps, start, true)
	if err != nil || i == len(lp.steps) {
		return nodes, false, err
	}
	n, err := p.createFrom(nodes, lp.steps[i:])
	if err != nil {
		return nil, false, err
	}
	return []*Node{n}, true, nil
}

// CreateVars is Create with variables, as MatchVars.
func (p *Path) CreateVars(ctx *Node, vars Vars) (*Node, error) {
	n, rest, err := p.anchor(ctx, vars)
	if err != nil {
		return nil, err
	}
	return p.make(n, rest)
}

// make creates the steps rest (checked by creatable) under n and
// returns the last node made.
func (p *Path) make(n *Node, rest []*step) (*Node, error) {
	for _, st := range rest {
		var label string
		switch {
		case st.axis == axChild && st.test == testName:
			label = st.name
		case st.axis == axSeq && st.test == testAny:
			next := 1
			for _, c := range n.kids() {
				if c.hasLabel && isNumber(c.label) {
					if k, err := strconv.Atoi(c.label); err == nil && k >= next {
						next = k + 1
					}
				}
			}
			label = strconv.Itoa(next)
		default: // anchor refused it
			return nil, fmt.Errorf("%s: step %q: %w", p.src, st.src, ErrCannotCreate)
		}
		c := New(label)
		n.Append(c)
		n = c
	}
	return n, nil
}
