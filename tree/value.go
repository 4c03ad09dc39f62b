package tree

import (
	"fmt"
	"strconv"
)

// This file holds the values of path expressions: value, what the
// evaluator works with, and Value and Vars, what callers see.

type valueKind int

const (
	vNodes valueKind = iota
	vBool
	vNumber
	vString
	vRegexp
)

type value struct {
	kind  valueKind
	nodes []*Node
	b     bool
	num   int
	str   string // a string, or a regexp in Augeas's syntax
	fold  bool   // a regexp that ignores case (regexp(..., 'i'))
}

func (v value) truth() bool {
	switch v.kind {
	case vNodes:
		return len(v.nodes) > 0
	case vNumber:
		return v.num > 0
	case vString:
		return v.str != ""
	case vRegexp:
		return true
	}
	return v.b
}

// noMatch is a regexp that matches no string (regexp() of an empty node
// set).
const noMatch = "[^\x00-\xff]"

// Vars binds variable names ($name) to values.
type Vars map[string]Value

// Value is the value of a path expression: a node set, or a string, a
// number or a boolean (Augeas's defvar keeps any of them).
type Value struct{ v value }

// NodeSet returns the value holding the nodes ns.
func NodeSet(ns []*Node) Value { return Value{value{kind: vNodes, nodes: ns}} }

// Nodes returns the nodes of a node-set value; ok is false for a string,
// number or boolean.
func (v Value) Nodes() (ns []*Node, ok bool) { return v.v.nodes, v.v.kind == vNodes }

// WithNodes returns a node-set value holding ns instead; other values
// are returned as they are.
func (v Value) WithNodes(ns []*Node) Value {
	if v.v.kind != vNodes {
		return v
	}
	return NodeSet(ns)
}

// String shows a value that is not a node set: the string, the number
// in decimal, true or false; a node set shows as its size.
func (v Value) String() string {
	switch v.v.kind {
	case vString, vRegexp:
		return v.v.str
	case vNumber:
		return strconv.Itoa(v.v.num)
	case vBool:
		return strconv.FormatBool(v.v.b)
	}
	return fmt.Sprintf("%d nodes", len(v.v.nodes))
}

// strs returns the strings a string or node set compares as: node values
// (absent = ""), or the string itself.
func strs(v value) []string {
	if v.kind == vNodes {
		out := make([]string, len(v.nodes))
		for i, n := range v.nodes {
			out[i] = n.value
		}
		return out
	}
	return []string{v.str}
}
