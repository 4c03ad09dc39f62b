package tree

import (
	"fmt"
	"strconv"
	"testing"
)

// benchTree is /top/e{name=eN, addr=10.0.0.N, opt=a, opt=b} n times,
// under a hidden root, as a lens reads a file of n entries.
func benchTree(n int) *Node {
	root := NewHidden()
	top := New("top")
	root.Append(top)
	for i := range n {
		e := NewValue("e", "e"+strconv.Itoa(i))
		e.Append(NewValue("addr", "10.0.0."+strconv.Itoa(i%256)), NewValue("opt", "a"), NewValue("opt", "b"))
		top.Append(e)
	}
	ClearChanges(root)
	return root
}

var benchPaths = []struct{ name, path string }{
	{"child", "/top/e/addr"},
	{"predicate", "/top/e[. = 'e50']/addr"},
	{"position", "/top/e[last()]/opt[2]"},
	{"descendant", "//opt[. = 'b']"},
	{"operators", "/top/e[count(opt) + 1 >= 3 and addr =~ regexp('10\\.0\\.0\\.1.*') or label() != 'x']"},
}

// BenchmarkParsePath parses each of benchPaths.
func BenchmarkParsePath(b *testing.B) {
	for _, q := range benchPaths {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParsePath(q.path); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPathMatch evaluates each of benchPaths, parsed once, over
// trees of several sizes.
func BenchmarkPathMatch(b *testing.B) {
	for _, n := range []int{100, 10000} {
		root := benchTree(n)
		for _, q := range benchPaths {
			p := MustParsePath(q.path)
			b.Run(fmt.Sprintf("entries=%d/%s", n, q.name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if ns, err := p.Match(root); err != nil || len(ns) == 0 {
						b.Fatal(q.path, err)
					}
				}
			})
		}
	}
}

// BenchmarkDump prints trees of several sizes.
func BenchmarkDump(b *testing.B) {
	for _, n := range []int{100, 10000} {
		root := benchTree(n)
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(Dump(root))))
			b.ReportAllocs()
			for b.Loop() {
				Dump(root)
			}
		})
	}
}

// benchExpander makes three children, one node at a time or for many
// nodes at once.
type benchExpander struct{}

func (benchExpander) Expand() []*Node {
	return []*Node{NewValue("a", "1"), NewValue("b", "2"), NewValue("c", "3")}
}

func (x benchExpander) ExpandBatch(es []Expander) [][]*Node {
	out := make([][]*Node, len(es))
	for i := range es {
		out[i] = x.Expand()
	}
	return out
}

// BenchmarkDumpLazy prints a tree of 10,000 lazy nodes, which reads
// them all first, in batches.
func BenchmarkDumpLazy(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		root := NewHidden()
		kids := make([]*Node, 10000)
		for i := range kids {
			kids[i] = New("e")
			SetLazy(kids[i], benchExpander{})
		}
		root.SetChildren(kids)
		Dump(root)
	}
}
