package lens

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestArenaReusesChunks(t *testing.T) {
	a := arena[[]int]{zero: true}
	m := a.mark()
	for k := range 2000 {
		l := a.alloc(3)
		for _, x := range l {
			require.Nil(t, x, "a list handed out is nil")
		}
		l[0] = []int{k} // cleared when given back
	}
	assert.Len(t, a.full, 2, "chunks of 1024 and 2048, then 4096")
	a.freeSince(m)
	assert.Empty(t, a.full)
	assert.Len(t, a.spare, 2, "the chunks filled since the mark are spares")
	for range 2000 {
		for _, x := range a.alloc(3) {
			require.Nil(t, x, "a list handed out again is nil")
		}
	}
	a.reset(1 << 20)
	assert.Nil(t, a.cur)
	require.Len(t, a.spare, 3)
	assert.Equal(t, 4096, cap(a.spare[2]), "the largest is used first")
	before := a.spare[2][:1][0:1:1]
	a.alloc(10)
	assert.Same(t, &before[0], &a.cur[0], "the next text cuts the kept chunk")

	a.reset(1024)
	assert.Len(t, a.spare, 1, "only what the budget allows is kept")
	assert.Equal(t, 1024, cap(a.spare[0]))
}
