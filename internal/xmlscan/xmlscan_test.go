package xmlscan

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestErrors(t *testing.T) {
	for in, want := range map[string]string{
		"":                             "1: no <r> element",
		"<r>\n<x>\n</r>":               "3: not well-formed XML: element <x> closed by </r>",
		"<!DOCTYPE r>\n<r/>":           "1: directive <!...> (such as DOCTYPE) not allowed",
		"<r/>\n<?pi x?>":               "2: processing instruction <?pi?> not allowed",
		"<r/>\ntext":                   "2: text outside the root element",
		"<r><r><r><r></r></r></r></r>": "1: elements nested too deeply",
	} {
		_, err := Scan([]byte(in), "r", 3)
		e, ok := err.(*Error)
		if assert.True(t, ok, "%q: %v", in, err) {
			assert.Equal(t, want, strconv.Itoa(e.Line)+": "+e.Msg, in)
		}
	}
}
