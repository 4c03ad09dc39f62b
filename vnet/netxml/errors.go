package netxml

import "strconv"

// Error is what Read, Parse, Validate, Update and CheckConflicts return
// for a document or a model that is not a valid network. It prints on
// one line as
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
	// e.g. "<network>/<ip address='192.168.122.1'>/<dhcp>"; list
	// elements carry their identifying attribute, and an offending
	// attribute is named in the last step ("<mtu size>").
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
