package ifxml

import (
	"fmt"
	"io"
	"strings"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/internal/xmlenum"
	"github.com/lensnet/lensnet/internal/xmlscan"
)

// Read reads one interface document from r. name is the file name
// errors carry ("" for none). See Parse.
func Read(r io.Reader, name string) (*Interface, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return Parse(data, name)
}

// Parse reads one interface document strictly: it must be well-formed
// XML with a single <interface> root, hold no element, attribute or
// text the schema does not allow where it stands, no element twice
// where one is allowed, and only valid values; the model must then pass
// Validate. The first problem is returned as an *Error with the line of
// the offending element. Comments and white space are ignored.
func Parse(data []byte, name string) (*Interface, error) {
	pos, err := scan(data, name)
	if err != nil {
		return nil, err
	}
	doc := etree.NewDocument()
	doc.ReadSettings = etree.ReadSettings{PreserveDuplicateAttrs: true}
	if err := doc.ReadFromBytes(data); err != nil {
		return nil, &Error{File: name, Msg: "not well-formed XML: " + err.Error()}
	}
	rd := &reader{file: name, pos: pos, index: map[*etree.Element]int{}, lines: map[loc]int{}}
	rd.number(doc.Root())
	if len(rd.index) != len(pos.Elem) {
		return nil, &Error{File: name, Msg: fmt.Sprintf("internal error: %d elements, %d positions", len(rd.index), len(pos.Elem))}
	}
	root := doc.Root()
	if root.Space != "" || root.Tag != "interface" {
		return nil, rd.errorf(root, "", "<"+root.FullTag()+">", "the root element must be <interface>")
	}
	ifc, err := rd.iface(root, "")
	if err != nil {
		return nil, err
	}
	if err := validate(ifc, name, rd.lines); err != nil {
		return nil, err
	}
	return ifc, nil
}

// FromElement reads an <interface> element built in memory (by a
// backend, from configuration files) as Parse reads a document, with
// the same checks; errors carry no line.
func FromElement(root *etree.Element, name string) (*Interface, error) {
	rd := &reader{file: name, lines: map[loc]int{}}
	if root.Space != "" || root.Tag != "interface" {
		return nil, rd.errorf(root, "", "<"+root.FullTag()+">", "the root element must be <interface>")
	}
	ifc, err := rd.iface(root, "")
	if err != nil {
		return nil, err
	}
	if err := validate(ifc, name, rd.lines); err != nil {
		return nil, err
	}
	return ifc, nil
}

// reader turns an etree document into a model, checking what the
// model cannot hold: unknown or repeated elements and attributes, text
// and value syntax. It records the line of each element it maps, for
// the structural checks of validate.
type reader struct {
	file  string
	pos   *xmlscan.Positions
	index map[*etree.Element]int // document order
	lines map[loc]int
}

// number gives e and its descendants their document-order index.
func (rd *reader) number(e *etree.Element) {
	rd.index[e] = len(rd.index)
	for _, c := range e.ChildElements() {
		rd.number(c)
	}
}

// line is e's line, 0 for an element built in memory (FromElement).
func (rd *reader) line(e *etree.Element) int {
	if rd.pos == nil {
		return 0
	}
	return rd.pos.Elem[rd.index[e]]
}

func (rd *reader) errorf(e *etree.Element, path, step, format string, args ...any) *Error {
	return &Error{File: rd.file, Line: rd.line(e), Element: join(path, step), Msg: fmt.Sprintf(format, args...)}
}

func join(path, step string) string {
	if path == "" {
		return step
	}
	return path + "/" + step
}

// element is the reading of one element: its path, and its attributes
// taken one by one so that any left over is an error.
type element struct {
	rd    *reader
	e     *etree.Element
	path  string // including this element
	attrs map[string]string
}

// open checks e's attributes (known and unique) and returns it for reading its attributes. allowed
// lists the attributes e may carry.
func (rd *reader) open(e *etree.Element, parent string, allowed ...string) (*element, error) {
	step := "<" + e.Tag + ">"
	el := &element{rd: rd, e: e, path: join(parent, step), attrs: map[string]string{}}
	for _, a := range e.Attr {
		key := a.FullKey()
		if a.Space != "" || !contains(allowed, a.Key) {
			return nil, rd.errorf(e, parent, "<"+e.Tag+" "+key+">", "unknown attribute %s", key)
		}
		if _, dup := el.attrs[key]; dup {
			return nil, rd.errorf(e, parent, "<"+e.Tag+" "+key+">", "attribute %s given twice", key)
		}
		el.attrs[key] = a.Value
	}
	return el, nil
}

// noText refuses text in the element (checked once its path is final).
func (el *element) noText() error {
	if el.rd.pos == nil {
		for _, t := range el.e.Child {
			if cd, ok := t.(*etree.CharData); ok && strings.TrimSpace(cd.Data) != "" {
				return &Error{File: el.rd.file, Element: el.path, Msg: "text is not allowed here"}
			}
		}
		return nil
	}
	if l := el.rd.pos.Text[el.rd.index[el.e]]; l != 0 {
		return &Error{File: el.rd.file, Line: l, Element: el.path, Msg: "text is not allowed here"}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// attrErr is an error about attribute key of the element.
func (el *element) attrErr(key, msg string) *Error {
	path := strings.TrimSuffix(el.path, ">") + " " + key + ">"
	return &Error{File: el.rd.file, Line: el.rd.line(el.e), Element: path, Msg: msg}
}

func (el *element) errorf(format string, args ...any) *Error {
	return &Error{File: el.rd.file, Line: el.rd.line(el.e), Element: el.path, Msg: fmt.Sprintf(format, args...)}
}

// get returns attribute key, or "" and false.
func (el *element) get(key string) (string, bool) {
	v, ok := el.attrs[key]
	return v, ok
}

// need returns attribute key or an error saying it is missing.
func (el *element) need(key string) (string, error) {
	v, ok := el.attrs[key]
	if !ok {
		return "", el.errorf("attribute %s is missing", key)
	}
	return v, nil
}

// uint reads attribute key as a number no larger than max; absent
// gives nil.
func (el *element) uint(key string, max uint64) (*uint64, error) {
	s, ok := el.attrs[key]
	if !ok {
		return nil, nil
	}
	n, msg := parseUint(s, max)
	if msg != "" {
		return nil, el.attrErr(key, msg)
	}
	return &n, nil
}

// needUint reads required attribute key as a number no larger than max.
func (el *element) needUint(key string, max uint64) (uint64, error) {
	if _, err := el.need(key); err != nil {
		return 0, err
	}
	n, err := el.uint(key, max)
	if err != nil {
		return 0, err
	}
	return *n, nil
}

// enum reads attribute key as one of words; absent gives 0.
func enum[E ~uint8](el *element, key string, words []string) (E, error) {
	s, ok := el.attrs[key]
	if !ok {
		return 0, nil
	}
	v, ok := xmlenum.Lookup[E](words, s)
	if !ok {
		return 0, el.attrErr(key, fmt.Sprintf("%q is not one of %s", s, strings.Join(words[1:], ", ")))
	}
	return v, nil
}

// yesNo reads a yes/no or on/off attribute; absent gives nil.
func (el *element) yesNo(key, yes, no string) (*bool, error) {
	s, ok := el.attrs[key]
	if !ok {
		return nil, nil
	}
	switch s {
	case yes:
		return new(true), nil
	case no:
		return new(false), nil
	}
	return nil, el.attrErr(key, fmt.Sprintf("%q is not %s or %s", s, yes, no))
}

// once reports an error if the element was seen before among its
// siblings, and marks it seen.
func (el *element) once(seen map[string]bool, what string) error {
	if seen[what] {
		step := el.path[strings.LastIndex(el.path, "/")+1:]
		return el.errorf("a second %s: only one is allowed here", step)
	}
	seen[what] = true
	return nil
}

// unknown is the error for a child element that has no place here.
func (rd *reader) unknown(c *etree.Element, parent string) error {
	return rd.errorf(c, parent, "<"+c.FullTag()+">", "unknown element <%s> here", c.FullTag())
}

// noChildren refuses any child element of el.
func (el *element) noChildren() error {
	if cs := el.e.ChildElements(); len(cs) > 0 {
		return el.rd.unknown(cs[0], el.path)
	}
	return nil
}
