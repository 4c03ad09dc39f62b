package tree

import (
	"io"
	"strconv"
	"strings"
)

// Dump returns the descendants of root in augtool print form, with the
// children of root at /label. root itself is not printed.
func Dump(root *Node) string {
	root.readAll()
	var p printer
	p.children(root, nil)
	return string(p.buf)
}

// Fprint writes n and its descendants to w in augtool print form, with n
// at path (which is written as given). Hidden nodes are skipped: if n is
// hidden nothing is written.
func Fprint(w io.Writer, n *Node, path string) error {
	if !n.hasLabel {
		return nil
	}
	n.readAll()
	p := printer{w: w, buf: make([]byte, 0, printChunk+4096)}
	p.node(n, []byte(path))
	p.flush()
	return p.err
}

// printChunk is how much Fprint gathers before writing it out: the
// output is written in pieces, not built whole in memory.
const printChunk = 64 << 10

// printer appends print lines to buf, and writes them to w (if set) in
// chunks.
type printer struct {
	w   io.Writer
	buf []byte
	err error
}

func (p *printer) flush() {
	if p.w != nil && len(p.buf) > 0 && p.err == nil {
		_, p.err = p.w.Write(p.buf)
		p.buf = p.buf[:0]
	}
}

func (p *printer) node(n *Node, path []byte) {
	p.buf = append(p.buf, path...)
	if n.hasValue {
		p.buf = append(p.buf, " = "...)
		p.buf = appendQuoted(p.buf, n.value)
	}
	p.buf = append(p.buf, '\n')
	if p.w != nil && len(p.buf) >= printChunk {
		p.flush()
	}
	p.children(n, path)
}

func (p *printer) children(n *Node, path []byte) {
	eachChildPath(n, path, p.node)
}

// eachChildPath calls fn for each labelled child of n with its path:
// path, "/", the escaped label and [i] where the label repeats. The
// path passed to fn shares path's array: fn must not keep it.
func eachChildPath(n *Node, path []byte, fn func(c *Node, path []byte)) {
	kids := n.kids()
	idx := siblingIndexes(kids)
	for i, c := range kids {
		if !c.hasLabel {
			continue
		}
		seg := append(path, '/')
		seg = append(seg, EscapeLabel(c.label)...)
		if idx != nil && idx[i] > 0 {
			seg = append(seg, '[')
			seg = strconv.AppendInt(seg, int64(idx[i]), 10)
			seg = append(seg, ']')
		}
		fn(c, seg)
		path = seg[:len(path)]
	}
}

// siblingIndexes returns, for each child, its 1-based position among the
// children with the same label when that label occurs more than once, and
// 0 otherwise; nil when no label repeats. Linear in len(children).
func siblingIndexes(children []*Node) []int {
	if len(children) < 2 {
		return nil
	}
	if len(children) <= 16 { // small lists: compare pairs, no maps
		return smallSiblingIndexes(children)
	}
	count := make(map[string]int, len(children))
	dup := false
	for _, c := range children {
		if c.hasLabel {
			count[c.label]++
			dup = dup || count[c.label] > 1
		}
	}
	if !dup {
		return nil
	}
	idx := make([]int, len(children))
	seen := make(map[string]int, len(count))
	for i, c := range children {
		if c.hasLabel && count[c.label] > 1 {
			seen[c.label]++
			idx[i] = seen[c.label]
		}
	}
	return idx
}

func smallSiblingIndexes(children []*Node) []int {
	var idx []int
	for i, c := range children {
		if !c.hasLabel {
			continue
		}
		before, after := 0, 0
		for j, d := range children {
			if j != i && d.hasLabel && d.label == c.label {
				if j < i {
					before++
				} else {
					after++
				}
			}
		}
		if before+after > 0 {
			if idx == nil {
				idx = make([]int, len(children))
			}
			idx[i] = before + 1
		}
	}
	return idx
}

// Path returns the node's path from the top of its tree in augtool form
// (/a/b[2]/c), escaping labels and adding [n] where a label repeats among
// siblings. A hidden node shows as (none). Linear in the sizes of the
// sibling lists on the way up.
func (n *Node) Path() string { return n.PathFrom(nil) }

// PathFrom is Path for the tree under top, an ancestor of n: the path
// starts below top (top itself counts as the root). With top nil or not
// an ancestor it is Path.
func (n *Node) PathFrom(top *Node) string {
	var segs []string
	for c := n; c != nil && c != top; c = c.parent {
		if c.parent == nil && !c.hasLabel {
			break // an unlabelled root: the children are at /label
		}
		seg := "(none)"
		if c.hasLabel {
			seg = EscapeLabel(c.label)
			if c.parent != nil {
				pos, total := 0, 0
				for _, s := range c.parent.kids() {
					if s.hasLabel && s.label == c.label {
						total++
						if s == c {
							pos = total
						}
					}
				}
				if total > 1 {
					seg += "[" + strconv.Itoa(pos) + "]"
				}
			}
		}
		segs = append(segs, seg)
	}
	var b strings.Builder
	for i := len(segs) - 1; i >= 0; i-- {
		b.WriteByte('/')
		b.WriteString(segs[i])
	}
	if b.Len() == 0 {
		return "/"
	}
	return b.String()
}

// Paths returns Path of each node, in time linear in the nodes and
// their ancestors' sibling lists: the positions among the siblings of a
// parent are counted once for all its children, where calling Path on
// each of many siblings would count them again for every one.
func Paths(nodes []*Node) []string {
	out := make([]string, len(nodes))
	if len(nodes) < 2 {
		for i, n := range nodes {
			out[i] = n.Path()
		}
		return out
	}
	seg := map[*Node]string{}  // a node's last segment, by node
	full := map[*Node]string{} // paths already built
	indexed := map[*Node]bool{}
	var pathOf func(n *Node) string
	pathOf = func(n *Node) string {
		if p, ok := full[n]; ok {
			return p
		}
		var p string
		switch {
		case n.parent == nil && !n.hasLabel:
			p = ""
		case n.parent == nil:
			p = "/" + EscapeLabel(n.label)
		default:
			par := n.parent
			if !indexed[par] {
				indexed[par] = true
				pk := par.kids()
				idx := siblingIndexes(pk)
				for i, c := range pk {
					s := "(none)"
					if c.hasLabel {
						s = EscapeLabel(c.label)
						if idx != nil && idx[i] > 0 {
							s += "[" + strconv.Itoa(idx[i]) + "]"
						}
					}
					seg[c] = s
				}
			}
			p = pathOf(par) + "/" + seg[n]
		}
		full[n] = p
		return p
	}
	for i, n := range nodes {
		if out[i] = pathOf(n); out[i] == "" {
			out[i] = "/"
		}
	}
	return out
}

// EscapeLabel escapes a label for use as a path segment the way augtool
// prints it: a backslash before each of ] [ | / = ( ) ! , before
// whitespace and before a backslash.
func EscapeLabel(label string) string {
	if !strings.ContainsAny(label, "][|/=()!, \t\n\r\v\f\\") {
		return label
	}
	var b strings.Builder
	for i := 0; i < len(label); i++ {
		switch c := label[i]; c {
		case ']', '[', '|', '/', '=', '(', ')', '!', ',', ' ', '\t', '\n', '\r', '\v', '\f', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// QuoteValue returns value in double quotes as augtool prints it: C
// escapes for \a \b \t \n \v \f \r, \" and \\, and three-digit octal for
// every other byte outside printable ASCII.
func QuoteValue(value string) string {
	return string(appendQuoted(make([]byte, 0, len(value)+2), value))
}

// appendQuoted appends QuoteValue(value) to b.
func appendQuoted(b []byte, value string) []byte {
	b = append(b, '"')
	for i := 0; i < len(value); i++ {
		c := value[i]
		switch c {
		case '\a':
			b = append(b, '\\', 'a')
		case '\b':
			b = append(b, '\\', 'b')
		case '\t':
			b = append(b, '\\', 't')
		case '\n':
			b = append(b, '\\', 'n')
		case '\v':
			b = append(b, '\\', 'v')
		case '\f':
			b = append(b, '\\', 'f')
		case '\r':
			b = append(b, '\\', 'r')
		case '"':
			b = append(b, '\\', '"')
		case '\\':
			b = append(b, '\\', '\\')
		default:
			if c < 0x20 || c >= 0x7f {
				b = append(b, '\\', '0'+c>>6, '0'+(c>>3)&7, '0'+c&7)
			} else {
				b = append(b, c)
			}
		}
	}
	return append(b, '"')
}
