package backendstest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/beevik/etree"
)

// XMLDiff compares two elements as netcf's tests do: tags, attributes
// as a set, child elements in order; text, comments and whitespace
// aside. As the schema interleaves an element's children, only the
// order among children of one tag (and protocol family) counts. It
// returns "" when they are equal, else where they differ.
func XMLDiff(a, b *etree.Element) string {
	return xmlDiff(a, b, "/"+a.Tag)
}

func xmlDiff(a, b *etree.Element, at string) string {
	if a.Tag != b.Tag {
		return fmt.Sprintf("%s: <%s> against <%s>", at, a.Tag, b.Tag)
	}
	if x, y := attrs(a), attrs(b); x != y {
		return fmt.Sprintf("%s: attributes %s against %s", at, x, y)
	}
	ka, kb := sorted(a.ChildElements()), sorted(b.ChildElements())
	for i := range min(len(ka), len(kb)) {
		if d := xmlDiff(ka[i], kb[i], fmt.Sprintf("%s/%s[%d]", at, ka[i].Tag, i+1)); d != "" {
			return d
		}
	}
	if len(ka) != len(kb) {
		return fmt.Sprintf("%s: %d children against %d", at, len(ka), len(kb))
	}
	return ""
}

func attrs(e *etree.Element) string {
	var s []string
	for _, a := range e.Attr {
		s = append(s, a.Key+"="+a.Value)
	}
	slices.Sort(s)
	return "[" + strings.Join(s, " ") + "]"
}

// String writes an element indented, for messages.
func String(e *etree.Element) string {
	doc := etree.NewDocument()
	doc.SetRoot(e.Copy())
	doc.Indent(2)
	s, _ := doc.WriteToString()
	return s
}

// ReadXML reads a file's root element.
func ReadXML(path string) (*etree.Element, error) {
	doc := etree.NewDocument()
	if err := doc.ReadFromFile(path); err != nil {
		return nil, err
	}
	if doc.Root() == nil {
		return nil, fmt.Errorf("%s: no root element", path)
	}
	return doc.Root(), nil
}

// sorted orders children by tag (and family), keeping the order among
// equal ones.
func sorted(es []*etree.Element) []*etree.Element {
	es = slices.Clone(es)
	key := func(e *etree.Element) string { return e.Tag + " " + e.SelectAttrValue("family", "") }
	slices.SortStableFunc(es, func(x, y *etree.Element) int { return strings.Compare(key(x), key(y)) })
	return es
}
