package ifxml

import "strconv"

// Error is what Read, Parse and Validate return for a document or a
// model that is not valid interface XML. It prints on one line as
//
//	file:line: element: message
//
// leaving out the parts that are not known: File for a model built in
// Go or read without a name, Line for a model built in Go, Element for
// a document that is not XML at all.
type Error struct {
	File string
	Line int
	// Element is the path of the offending element from the root,
	// e.g. "<interface type='bond' name='bond0'>/<bond>"; an
	// offending attribute is named in the last step ("<mtu size>").
	Element string
	Msg     string
}

func (e *Error) Error() string {
	s := ""
	if e.File != "" {
		s = e.File + ":"
	}
	if e.Line > 0 {
		s += strconv.Itoa(e.Line) + ":"
	}
	if s != "" {
		s += " "
	}
	if e.Element != "" {
		s += e.Element + ": "
	}
	return s + e.Msg
}
