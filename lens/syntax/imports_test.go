package syntax

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestImports: the modules a module names, in the order first named,
// each once whatever its case, through every kind of expression; tests
// do not count.
func TestImports(t *testing.T) {
	m, err := Parse("m.aug", `module M =
  let a = Util.eol . [ key Rx.word . Sep.eq ]
  let f (x:lens) = x* . util.del_ws_spc
  let b = let y = Build.opt_list in Sep.comma | y?
  test Test.lns get "x" = ?
  let c = f Quote.dquote
`)
	require.NoError(t, err)
	assert.Equal(t, []string{"Util", "Rx", "Sep", "Build", "Quote"}, m.Imports())
}
