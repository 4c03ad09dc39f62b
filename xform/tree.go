package xform

import (
	"github.com/lensnet/lensnet/tree"
)

// Codec says which children of a tree node are keys and converts
// between a key node's value and a record value.
type Codec interface {
	// IsKey reports whether a child with this label holds a key (not
	// a comment, not structure).
	IsKey(label string) bool
	// Decode returns the value a key node's raw value means.
	Decode(raw string) string
	// Encode returns the raw value for v; old is the raw value it
	// replaces, or nil for a new key, so that a quoting style stays.
	Encode(v string, old *string) string
}

// FromTree reads the key children of n into a record, in order.
func FromTree(n *tree.Node, c Codec) *Record {
	rec := &Record{}
	for _, k := range n.Children() {
		label, ok := k.Label()
		if !ok || !c.IsKey(label) {
			continue
		}
		v, _ := k.Value()
		rec.Add(label, c.Decode(v))
	}
	return rec
}

// Apply makes the key children of n hold rec, which is the record
// FromTree read with keys changed, removed or added (Rules.Put): the
// i-th entry of a key is the i-th child with that label; a child whose
// decoded value is unchanged is not touched (its quoting stays),
// children for removed entries go, and new ones are inserted after the
// child of the entry before them. Children that are not keys stay.
func Apply(n *tree.Node, rec *Record, c Codec) {
	byKey := map[string][]*tree.Node{}
	var firstKey *tree.Node
	for _, k := range n.Children() {
		label, ok := k.Label()
		if !ok || !c.IsKey(label) {
			continue
		}
		if firstKey == nil {
			firstKey = k
		}
		byKey[label] = append(byKey[label], k)
	}
	used := map[*tree.Node]bool{}
	var last *tree.Node
	for _, e := range rec.Entries {
		if nodes := byKey[e.Key]; len(nodes) > 0 {
			node := nodes[0]
			byKey[e.Key] = nodes[1:]
			used[node] = true
			raw, _ := node.Value()
			if c.Decode(raw) != e.Value {
				node.SetValue(c.Encode(e.Value, &raw))
			}
			last = node
			continue
		}
		node := tree.NewValue(e.Key, c.Encode(e.Value, nil))
		switch {
		case last != nil:
			n.Insert(last.Index()+1, node)
		case firstKey != nil:
			n.Insert(firstKey.Index(), node)
		default:
			n.Append(node)
		}
		last = node
	}
	for _, nodes := range byKey {
		for _, k := range nodes {
			if !used[k] {
				k.Detach()
			}
		}
	}
}
