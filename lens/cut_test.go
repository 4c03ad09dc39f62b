package lens

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGetLinearOnLongLines(t *testing.T) {
	// one 200 KB line: splitting must not rescan it per byte
	l := star(sub(key("[a-z]+"), dels("="), store("[^\n]*"), dels("\n")))
	text := "k=" + strings.Repeat("v=", 100000) + "\n"
	root, err := l.Get(text)
	require.NoError(t, err)
	v, _ := root.Child(0).Value()
	assert.Len(t, v, 200000)
}
