package lensnet

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dumpFiles is every node under /files and /augeas/files with its value.
func dumpFiles(t *testing.T, h *Handle) []string {
	var out []string
	for _, top := range []string{"/files//*", "/augeas/files//*"} {
		ps, err := h.Match(top)
		require.NoError(t, err)
		for _, p := range ps {
			v, ok, err := h.Get(p)
			require.NoError(t, err)
			out = append(out, fmt.Sprintf("%s %v %q", p, ok, v))
		}
	}
	return out
}

// TestLoadInChunks: a load that reads its files in chunks of one
// transform, releasing each chunk's lenses, builds the tree a load in
// one go builds, and so does a second load through the released lenses.
func TestLoadInChunks(t *testing.T) {
	defer func(n int) { chunkXforms = n }(chunkXforms)
	for _, root := range []string{"fixtures/rhel", "fixtures/debian"} {
		var dumps [][]string
		for _, n := range []int{1 << 30, 1} {
			chunkXforms = n
			h, err := Open(Options{Root: root, LoadAll: true})
			require.NoError(t, err)
			// a second load too, through the lenses released by the first
			require.NoError(t, h.Load())
			dumps = append(dumps, dumpFiles(t, h))
		}
		require.Greater(t, len(dumps[0]), 100, root)
		assert.Equal(t, dumps[0], dumps[1], root)
	}
}
