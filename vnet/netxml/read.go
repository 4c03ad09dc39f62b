package netxml

import (
	"fmt"
	"io"
	"strings"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/internal/xmlenum"
	"github.com/lensnet/lensnet/internal/xmlscan"
)

// DnsmasqNS is the namespace of <dnsmasq:options>.
const DnsmasqNS = "http://libvirt.org/schemas/network/dnsmasq/1.0"

// Read reads one network document from r. name is the file name errors
// carry ("" for none). See Parse.
func Read(r io.Reader, name string) (*Network, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return Parse(data, name)
}

// Parse reads one network document strictly: it must be well-formed
// XML with a single <network> root, hold no element, attribute or text
// the schema does not allow where it stands (namespace declarations,
// <metadata> content and <dnsmasq:options> aside), no element twice
// where one is allowed, and only valid values; the model, put in
// canonical form, must then pass Validate (libvirt's semantic checks).
// The first problem is returned as an *Error with the line of the
// offending element. Comments and white space are ignored.
func Parse(data []byte, name string) (*Network, error) {
	rd, root, err := load(data, name, "network")
	if err != nil {
		return nil, err
	}
	n, err := rd.network(root)
	if err != nil {
		return nil, err
	}
	if err := validate(n, name, rd.lines); err != nil {
		return nil, err
	}
	return n, nil
}

// load checks data (see scan), builds its tree and returns the reader
// and the root element, which must be <root>.
func load(data []byte, name, root string) (*reader, *etree.Element, error) {
	pos, err := scan(data, name, root)
	if err != nil {
		return nil, nil, err
	}
	doc := etree.NewDocument()
	doc.ReadSettings = etree.ReadSettings{PreserveDuplicateAttrs: true}
	if err := doc.ReadFromBytes(data); err != nil {
		return nil, nil, &Error{File: name, Msg: "not well-formed XML: " + err.Error()}
	}
	rd := &reader{file: name, pos: pos, index: map[*etree.Element]int{}, lines: map[any]int{}}
	rd.number(doc.Root())
	if len(rd.index) != len(pos.Elem) {
		return nil, nil, &Error{File: name, Msg: fmt.Sprintf("internal error: %d elements, %d positions", len(rd.index), len(pos.Elem))}
	}
	r := doc.Root()
	if r.NamespaceURI() != "" || r.Tag != root {
		return nil, nil, rd.errorf(r, "", "<"+r.FullTag()+">", "the root element must be <%s>", root)
	}
	return rd, r, nil
}

// reader turns an etree document into a model, checking what the model
// cannot hold: unknown or repeated elements and attributes, text and
// value syntax. It records the line of each part of the model it
// makes, for the semantic checks of validate.
type reader struct {
	file  string
	pos   *xmlscan.Positions
	index map[*etree.Element]int // document order
	lines map[any]int            // model part (a pointer) → line
}

// number gives e and its descendants their document-order index.
func (rd *reader) number(e *etree.Element) {
	rd.index[e] = len(rd.index)
	for _, c := range e.ChildElements() {
		rd.number(c)
	}
}

func (rd *reader) line(e *etree.Element) int { return rd.pos.Elem[rd.index[e]] }

func (rd *reader) errorf(e *etree.Element, path, step, format string, args ...any) *Error {
	return &Error{File: rd.file, Line: rd.line(e), Element: join(path, step), Msg: fmt.Sprintf(format, args...)}
}

func join(path, step string) string {
	if path == "" {
		return step
	}
	return path + "/" + step
}

// keys lists, per element, the attributes that identify one of a list
// in error paths: <ip address='192.168.122.1'>.
var keys = map[string][]string{
	"ip": {"address"}, "range": {"start"}, "host": {"mac", "id", "name", "ip"},
	"portgroup": {"name"}, "interface": {"dev"}, "txt": {"name"}, "srv": {"service"},
	"forwarder": {"addr", "domain"}, "route": {"address"}, "tag": {"id"},
}

// step is e's step in an error path.
func step(e *etree.Element) string {
	for _, k := range keys[e.Tag] {
		if a := e.SelectAttr(k); a != nil && a.Space == "" {
			return stepOf(e.Tag, k, a.Value)
		}
	}
	return "<" + e.FullTag() + ">"
}

func stepOf(tag, key, value string) string {
	if value == "" {
		return "<" + tag + ">"
	}
	return "<" + tag + " " + key + "='" + value + "'>"
}

// element is the reading of one element: its path, and its attributes
// taken one by one so that any left over is an error.
type element struct {
	rd    *reader
	e     *etree.Element
	path  string // including this element
	attrs map[string]string
}

// open checks e's attributes (known and unique) and returns it for
// reading them. allowed lists the attributes e may carry; namespace
// declarations are allowed when nsDecl is set.
func (rd *reader) open(e *etree.Element, parent string, allowed ...string) (*element, error) {
	return rd.openNS(e, parent, false, allowed...)
}

func (rd *reader) openNS(e *etree.Element, parent string, nsDecl bool, allowed ...string) (*element, error) {
	el := &element{rd: rd, e: e, path: join(parent, step(e)), attrs: map[string]string{}}
	for _, a := range e.Attr {
		key := a.FullKey()
		if nsDecl && (a.Space == "xmlns" || a.Space == "" && a.Key == "xmlns") {
			continue
		}
		if a.Space != "" || !contains(allowed, a.Key) {
			return nil, rd.errorf(e, parent, "<"+e.FullTag()+" "+key+">", "unknown attribute %s", key)
		}
		if _, dup := el.attrs[key]; dup {
			return nil, rd.errorf(e, parent, "<"+e.Tag+" "+key+">", "attribute %s given twice", key)
		}
		el.attrs[key] = a.Value
	}
	return el, nil
}

// noText refuses text in the element.
func (el *element) noText() error {
	if l := el.rd.pos.Text[el.rd.index[el.e]]; l != 0 {
		return &Error{File: el.rd.file, Line: l, Element: el.path, Msg: "text is not allowed here"}
	}
	return nil
}

// text returns the element's text (all of it, comments left out); it
// must have no child elements.
func (el *element) text() (string, error) {
	if err := el.noChildren(); err != nil {
		return "", err
	}
	var b strings.Builder
	for _, t := range el.e.Child {
		if cd, ok := t.(*etree.CharData); ok {
			b.WriteString(cd.Data)
		}
	}
	return b.String(), nil
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
	if last := el.path[strings.LastIndex(el.path, "/")+1:]; strings.Contains(last, " "+key+"='") {
		path = el.path // the step names the attribute already
	}
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

// uint reads attribute key as a decimal number from min to max; absent
// gives nil.
func (el *element) uint(key string, min, max uint64) (*uint64, error) {
	s, ok := el.attrs[key]
	if !ok {
		return nil, nil
	}
	n, msg := parseUint(s, min, max)
	if msg != "" {
		return nil, el.attrErr(key, msg)
	}
	return &n, nil
}

// needUint reads required attribute key as a number from min to max.
func (el *element) needUint(key string, min, max uint64) (uint64, error) {
	if _, err := el.need(key); err != nil {
		return 0, err
	}
	n, err := el.uint(key, min, max)
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
func (el *element) once(seen map[string]bool) error {
	what := el.e.FullTag()
	if seen[what] {
		return el.errorf("a second <%s>: only one is allowed here", what)
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

// leaf checks that el has neither children nor text.
func (el *element) leaf() error {
	if err := el.noChildren(); err != nil {
		return err
	}
	return el.noText()
}

// plain reports whether c is an element of no namespace.
func plain(c *etree.Element) bool { return c.NamespaceURI() == "" }
