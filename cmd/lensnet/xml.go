package main

import (
	"io"
	"strings"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/tree"
)

// dumpXML writes the nodes a path matched as augtool's dump-xml does:
// an <augeas match="PATH"> element holding a <node label=".."
// path=".."> per match, each with its <value> and child <node>s.
func dumpXML(w io.Writer, match string, ns []*tree.Node, paths []string) error {
	doc := etree.NewDocument()
	doc.WriteSettings.CanonicalText = true // escape only & < >, as libxml2
	top := doc.CreateElement("augeas")
	top.CreateAttr("match", match)
	for i, n := range ns {
		if n.Hidden() {
			continue
		}
		e := xmlNode(top, n)
		e.CreateAttr("path", paths[i])
		// path goes after label, as augtool writes it
	}
	doc.Indent(2)
	// libxml2 leaves ' alone in attributes, etree writes &apos;; a
	// literal "&apos;" in the data comes out as "&amp;apos;", so every
	// "&apos;" in the output is etree's
	var buf strings.Builder
	if _, err := doc.WriteTo(&buf); err != nil {
		return err
	}
	_, err := io.WriteString(w, strings.ReplaceAll(buf.String(), "&apos;", "'"))
	return err
}

func xmlNode(parent *etree.Element, n *tree.Node) *etree.Element {
	e := parent.CreateElement("node")
	l, _ := n.Label()
	e.CreateAttr("label", l)
	if v, ok := n.Value(); ok {
		ve := e.CreateElement("value")
		ve.CreateText(v)
	}
	for _, c := range n.Children() {
		if !c.Hidden() {
			xmlNode(e, c)
		}
	}
	return e
}
