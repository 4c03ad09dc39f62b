package netxml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
)

// maxDepth bounds element nesting. The deepest valid document is
// five levels of the network itself; <metadata> may hold deeper application data.
const maxDepth = 64

// positions are what a token pass over the bytes learns before etree
// builds the tree: the line of each element, and of the first text
// that is not white space directly inside it, both in document order
// (the order of a preorder walk of the tree). etree v1.8.1 keeps no
// positions, so the reader pairs its elements with these by that order.
type positions struct {
	elem []int // line of each element's "<"
	text []int // line of its first non-space text, 0 if none
}

// scan checks that data is one well-formed XML document with a single
// root element, no directives (DOCTYPE) and no processing instructions
// but the XML declaration, and returns the positions of its elements.
func scan(data []byte, file, root string) (*positions, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	lc := lineCounter{data: data, line: 1}
	pos := &positions{}
	var stack []int // element indices
	roots := 0
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			line := lc.at(off)
			msg := err.Error()
			if errors.As(err, &se) {
				line, msg = se.Line, se.Msg
			}
			return nil, &Error{File: file, Line: line, Msg: "not well-formed XML: " + msg}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			line := lc.at(off)
			if len(stack) == 0 {
				roots++
				if roots > 1 {
					return nil, &Error{File: file, Line: line, Msg: "a second root element <" + t.Name.Local + ">: a document holds one <" + root + ">"}
				}
			}
			if len(stack) >= maxDepth {
				return nil, &Error{File: file, Line: line, Msg: "elements nested too deeply"}
			}
			stack = append(stack, len(pos.elem))
			pos.elem = append(pos.elem, line)
			pos.text = append(pos.text, 0)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(bytes.Trim(t, " \t\r\n")) == 0 {
				continue
			}
			line := lc.at(off + int64(len(data[off:])-len(bytes.TrimLeft(data[off:], " \t\r\n"))))
			if len(stack) == 0 {
				return nil, &Error{File: file, Line: line, Msg: "text outside the root element"}
			}
			if i := stack[len(stack)-1]; pos.text[i] == 0 {
				pos.text[i] = line
			}
		case xml.ProcInst:
			if t.Target != "xml" || roots > 0 || len(pos.elem) > 0 {
				return nil, &Error{File: file, Line: lc.at(off), Msg: "processing instruction <?" + t.Target + "?> not allowed"}
			}
		case xml.Directive:
			return nil, &Error{File: file, Line: lc.at(off), Msg: "directive <!...> (such as DOCTYPE) not allowed"}
		}
	}
	if roots == 0 {
		return nil, &Error{File: file, Line: lc.at(int64(len(data))), Msg: "no <" + root + "> element"}
	}
	return pos, nil
}

// lineCounter turns increasing byte offsets into line numbers.
type lineCounter struct {
	data []byte
	off  int64
	line int
}

func (c *lineCounter) at(off int64) int {
	off = min(off, int64(len(c.data)))
	if off > c.off {
		c.line += bytes.Count(c.data[c.off:off], []byte{'\n'})
		c.off = off
	}
	return c.line
}
