package xmlenum_test

import (
	"fmt"
	"testing"

	"github.com/lensnet/lensnet/internal/xmlenum"
	"github.com/stretchr/testify/assert"
)

type color uint8

var colorWords = []string{"", "red", "green"}

func Example() {
	c, ok := xmlenum.Lookup[color](colorWords, "green")
	fmt.Println(c, ok, xmlenum.Word(colorWords, c, "color"), xmlenum.Word(colorWords, color(0), "color"))
	// Output: 2 true green color(0)
}

// TestRoundTrip: every set value's word looks up to it; the zero value
// and values past the table are neither valid nor found.
func TestRoundTrip(t *testing.T) {
	for v := range color(10) {
		w := xmlenum.Word(colorWords, v, "color")
		got, ok := xmlenum.Lookup[color](colorWords, w)
		assert.Equal(t, xmlenum.Valid(colorWords, v), ok, "%d", v)
		if ok {
			assert.Equal(t, v, got)
		}
	}
	_, ok := xmlenum.Lookup[color](colorWords, "")
	assert.False(t, ok, "the zero value's empty word")
}
