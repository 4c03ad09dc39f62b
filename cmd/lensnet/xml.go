package main

import (
	"io"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/tree"
)

// dumpXML writes the nodes a path matched as augtool's dump-xml does:
// an <augeas match="PATH"> element holding a <node label=".."
// path=".."> per match, each with its <value> and child <node>s.
func dumpXML(w io.Writer, match string, ns []*tree.Node) error {
	doc := etree.NewDocument()
	doc.WriteSettings.CanonicalText = true // escape only & < >, as libxml2
	top := doc.CreateElement("augeas")
	top.CreateAttr("match", match)
	for _, n := range ns {
		if n.Hidden() {
			continue
		}
		e := xmlNode(top, n)
		e.CreateAttr("path", n.Path())
		// path goes after label, as augtool writes it
	}
	doc.Indent(2)
	_, err := doc.WriteTo(w)
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
