package ifxml

import (
	"errors"

	"github.com/lensnet/lensnet/internal/xmlscan"
)

// maxDepth bounds element nesting. The deepest valid document is
// six levels (interface, bridge, interface, bond, interface, mac).
const maxDepth = 32

// scan checks that data is one well-formed XML document with a single
// root element, no directives (DOCTYPE) and no processing instructions
// but the XML declaration, and returns the lines of its elements and of
// their first text, in document order: etree v1.8.1 keeps no positions,
// so the reader pairs its elements with these by that order.
func scan(data []byte, file string) (*xmlscan.Positions, error) {
	p, err := xmlscan.Scan(data, "interface", maxDepth)
	var se *xmlscan.Error
	if errors.As(err, &se) {
		return nil, &Error{File: file, Line: se.Line, Msg: se.Msg}
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}
