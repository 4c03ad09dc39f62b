package lens

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFailurePositions: where a text that does not fit is reported to
// fail, as Augeas 1.14 reports it. Each case was run through augparse
// with the same lens written in the lens language (the position is its
// "N characters into string"; -1 where it names no position).
func TestFailurePositions(t *testing.T) {
	line := sub(key("a"), dels("="), store("[a-z]+"), dels("\n")) // [ key /a/ . del /=/ "=" . store /[a-z]+/ . del /\n/ "\n" ]
	abc := sub(key("a"), del("b+", "b"), dels("c"))               // [ key /a/ . del /b+/ "b" . del /c/ "c" ]
	quoted := sub(key("a"), del(`"[^"]*"`, `""`))                 // [ key /a/ . del /"[^"]*"/ "\"\"" ]
	for _, tc := range []struct {
		name string
		lens *Lens
		text string
		pos  int
	}{
		{"iteration stops inside its operand", star(abc), "abcabbbx", 7},
		{"an unclosed quote fails where the quote starts", star(quoted), `a""a"xxxx`, 4},
		{"a store that does not match", star(line), "a=x\na=\"x\nx\nx", 6},
		{"a line end that does not match", star(line), "a=x\na=xy\"\nx\nx", 8},
		// nothing of the operand matches: Augeas counts that match as
		// -1, one byte before the iteration
		{"next iteration does not start", star(line), "a=x\na=x\nb", 7},
		{"next iteration does not start after a long one", star(line), "a=x\na=xyz\nb", 9},
		{"first iteration does not start", star(line), "b", -1},
		{"top concatenation that reads no prefix whole", cat(star(line), sub(key("c"), dels("d"))), "a=x\nce", 0},
		{"top concatenation failing on its second operand", cat(sub(key("a")), sub(key("b"), dels("c"))), "abd", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.lens.Get(tc.text)
			var ge *GetError
			require.True(t, errors.As(err, &ge), "%v", err)
			if tc.pos < 0 {
				assert.False(t, ge.Pos.IsValid(), "%v", err)
				assert.NotContains(t, err.Error(), "byte")
				return
			}
			assert.Equal(t, tc.pos, ge.Pos.Offset, "%v", err)
		})
	}
}
