package xmlscan

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
)

// Positions are the line of each element's "<" and of the first text
// that is not white space directly inside it (0 if none), both in
// document order: the order of a preorder walk of the element tree.
type Positions struct {
	Elem []int
	Text []int
}

// Error is a document that is not one the models read, at a line.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

// Scan checks data and returns the positions of its elements. root is
// the root element's name, for messages; elements may nest maxDepth
// deep.
func Scan(data []byte, root string, maxDepth int) (*Positions, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	lc := lineCounter{data: data, line: 1}
	pos := &Positions{}
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
			return nil, &Error{Line: line, Msg: "not well-formed XML: " + msg}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			line := lc.at(off)
			if len(stack) == 0 {
				roots++
				if roots > 1 {
					return nil, &Error{Line: line, Msg: "a second root element <" + t.Name.Local + ">: a document holds one <" + root + ">"}
				}
			}
			if len(stack) >= maxDepth {
				return nil, &Error{Line: line, Msg: "elements nested too deeply"}
			}
			stack = append(stack, len(pos.Elem))
			pos.Elem = append(pos.Elem, line)
			pos.Text = append(pos.Text, 0)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(bytes.Trim(t, " \t\r\n")) == 0 {
				continue
			}
			line := lc.at(off + int64(len(data[off:])-len(bytes.TrimLeft(data[off:], " \t\r\n"))))
			if len(stack) == 0 {
				return nil, &Error{Line: line, Msg: "text outside the root element"}
			}
			if i := stack[len(stack)-1]; pos.Text[i] == 0 {
				pos.Text[i] = line
			}
		case xml.ProcInst:
			if t.Target != "xml" || roots > 0 || len(pos.Elem) > 0 {
				return nil, &Error{Line: lc.at(off), Msg: "processing instruction <?" + t.Target + "?> not allowed"}
			}
		case xml.Directive:
			return nil, &Error{Line: lc.at(off), Msg: "directive <!...> (such as DOCTYPE) not allowed"}
		}
	}
	if roots == 0 {
		return nil, &Error{Line: lc.at(int64(len(data))), Msg: "no <" + root + "> element"}
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
