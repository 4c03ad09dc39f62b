package tree

import (
	"encoding/binary"
	"errors"
)

// AppendBinary appends to b a compact encoding of the tree under n (n
// included) as a lens read it from text: labels, values, spans and
// children. A label or value that is the text its span names is stored
// as that span only, so the encoding of a file's tree is about the size
// of the file. DecodeBinary with the same text gives the tree back. It
// reports false, with b as given, for a tree deeper than MaxDepth and
// for one with children not read yet (SetLazy). Change marks are not
// kept.
func AppendBinary(b []byte, n *Node, text string) ([]byte, bool) {
	count, ok := countNodes(n, 0)
	if !ok {
		return b, false
	}
	out := binary.AppendUvarint(b, uint64(count))
	out, ok = appendNode(out, n, text, 0)
	if !ok {
		return b, false
	}
	return out, true
}

// AppendBinaryChildren is AppendBinary of a hidden node without a span
// whose children are kids (which keep their parent): the tree a lens
// read from a file, once its top-level nodes went under the file's node.
func AppendBinaryChildren(b []byte, kids []*Node, text string) ([]byte, bool) {
	return AppendBinary(b, &Node{children: kids}, text)
}

// countNodes counts the nodes of a tree AppendBinary takes.
func countNodes(n *Node, depth int) (int, bool) {
	if depth > MaxDepth || n.lazy.Load() != nil {
		return 0, false
	}
	count := 1
	for _, c := range n.children {
		k, ok := countNodes(c, depth+1)
		if !ok {
			return 0, false
		}
		count += k
	}
	return count, true
}

// MaxDepth bounds the depth of the trees AppendBinary and DecodeBinary
// take: far deeper than any configuration file's tree, and shallow
// enough that a damaged encoding cannot exhaust the stack.
const MaxDepth = 1 << 10

const (
	codecLabel     = 1 << iota // has a label
	codecValue                 // has a value
	codecLabelText             // the label is text[LabelStart:LabelEnd]
	codecValueText             // the value is text[ValueStart:ValueEnd]
)

func appendNode(b []byte, n *Node, text string, depth int) ([]byte, bool) {
	if depth > MaxDepth || n.lazy.Load() != nil {
		return b, false
	}
	sp := n.Span
	var flags byte
	if n.hasLabel {
		flags |= codecLabel
		if inText(text, sp.LabelStart, sp.LabelEnd) && text[sp.LabelStart:sp.LabelEnd] == n.label {
			flags |= codecLabelText
		}
	}
	if n.hasValue {
		flags |= codecValue
		if inText(text, sp.ValueStart, sp.ValueEnd) && text[sp.ValueStart:sp.ValueEnd] == n.value {
			flags |= codecValueText
		}
	}
	b = append(b, flags)
	for _, v := range [...]int{sp.LabelStart, sp.LabelEnd, sp.ValueStart, sp.ValueEnd, sp.Start, sp.End} {
		b = binary.AppendVarint(b, int64(v))
	}
	if flags&(codecLabel|codecLabelText) == codecLabel {
		b = appendString(b, n.label)
	}
	if flags&(codecValue|codecValueText) == codecValue {
		b = appendString(b, n.value)
	}
	b = binary.AppendUvarint(b, uint64(len(n.children)))
	for _, c := range n.children {
		var ok bool
		if b, ok = appendNode(b, c, text, depth+1); !ok {
			return b, false
		}
	}
	return b, true
}

func inText(text string, i, j int) bool { return 0 <= i && i <= j && j <= len(text) }

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// errCodec is DecodeBinary's error for anything but a whole encoding.
var errCodec = errors.New("tree: damaged encoding")

// DecodeBinary reads a tree AppendBinary encoded for text, and returns
// it with the bytes after it. Labels and values stored as spans share
// text's memory. Nothing in the tree is marked as changed. A damaged or
// truncated encoding gives an error, never a panic, and allocates no
// more than the encoding's size allows.
func DecodeBinary(b []byte, text string) (*Node, []byte, error) {
	d := decoder{b: b, text: text}
	// the node count: the nodes, and their places in the child lists
	// of their parents, come in one allocation each
	count := d.uvarint()
	if d.err != nil || count == 0 || count > uint64(len(d.b)/minNode) {
		return nil, b, errCodec
	}
	d.nodes = make([]Node, count)
	d.kids = make([]*Node, count-1)
	n := d.node(0)
	if d.err == nil && (len(d.nodes) != 0 || len(d.kids) != 0) {
		d.err = errCodec // fewer nodes than counted
	}
	if d.err != nil {
		return nil, b, d.err
	}
	return n, d.b, nil
}

type decoder struct {
	b     []byte
	text  string
	nodes []Node  // the nodes still to fill
	kids  []*Node // the child list places still to use
	err   error
}

// minNode is the fewest bytes a node takes: its flags, six spans and
// its child count.
const minNode = 8

func (d *decoder) node(depth int) *Node {
	if depth > MaxDepth || len(d.b) < minNode {
		d.err = errCodec
		return nil
	}
	flags := d.b[0]
	d.b = d.b[1:]
	var v [6]int
	for i := range v {
		v[i] = d.varint()
	}
	if d.err != nil || flags&^(codecLabel|codecValue|codecLabelText|codecValueText) != 0 {
		d.err = errCodec
		return nil
	}
	if len(d.nodes) == 0 {
		d.err = errCodec // more nodes than counted
		return nil
	}
	n := &d.nodes[0]
	d.nodes = d.nodes[1:]
	n.Span = Span{LabelStart: v[0], LabelEnd: v[1], ValueStart: v[2], ValueEnd: v[3], Start: v[4], End: v[5]}
	if flags&codecLabel != 0 {
		n.hasLabel = true
		n.label = d.str(flags&codecLabelText != 0, v[0], v[1])
	} else if flags&codecLabelText != 0 {
		d.err = errCodec
	}
	if flags&codecValue != 0 {
		n.hasValue = true
		n.value = d.str(flags&codecValueText != 0, v[2], v[3])
	} else if flags&codecValueText != 0 {
		d.err = errCodec
	}
	count := d.uvarint()
	if d.err != nil || count > uint64(len(d.kids)) {
		d.err = errCodec
		return nil
	}
	if count == 0 {
		return n
	}
	kids := d.kids[:count:count]
	d.kids = d.kids[count:]
	for i := range kids {
		c := d.node(depth + 1)
		if d.err != nil {
			return nil
		}
		c.parent = n
		kids[i] = c
	}
	n.children = kids
	return n
}

func (d *decoder) str(fromText bool, i, j int) string {
	if fromText {
		if !inText(d.text, i, j) {
			d.err = errCodec
			return ""
		}
		return d.text[i:j]
	}
	size := d.uvarint()
	if d.err != nil || size > uint64(len(d.b)) {
		d.err = errCodec
		return ""
	}
	s := string(d.b[:size])
	d.b = d.b[size:]
	return s
}

func (d *decoder) varint() int {
	v, k := binary.Varint(d.b)
	if k <= 0 || v != int64(int(v)) {
		d.err = errCodec
		return 0
	}
	d.b = d.b[k:]
	return int(v)
}

func (d *decoder) uvarint() uint64 {
	v, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.err = errCodec
		return 0
	}
	d.b = d.b[k:]
	return v
}
