package lens

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/lensnet/lensnet/tree"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The recogniser's memory is pooled across texts: texts read one after
// another and at the same time, short (dense memo tables) and long (a
// map), failing and not, each give the tree they give alone.
func TestRecScratchReused(t *testing.T) {
	l := blocks()
	block := func(n int) string {
		return fmt.Sprintf("x%s {\n  a=%d\n  in {\n    b=%d\n  }\n}\nc=%d\n", strings.Repeat("y", n%5), n, n, n)
	}
	long := strings.Repeat(block(7), denseMax/len(block(7))+10)
	require.Greater(t, len(long), denseMax)
	texts := []string{block(1), long, "a=1\nsrv {\n  b = x\n}\n", block(2), "", block(3) + block(4), "srv {\n"}
	want := make([]string, len(texts))
	for i, text := range texts {
		root, err := l.Get(text)
		if err != nil {
			want[i] = "error: " + err.Error()
			continue
		}
		want[i] = tree.Dump(root)
	}
	assert.Contains(t, want[2], "error: ")
	assert.Contains(t, want[6], "error: ")
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for r := range 20 {
				i := (w + r) % len(texts)
				root, err := l.Get(texts[i])
				got := ""
				if err != nil {
					got = "error: " + err.Error()
				} else {
					got = tree.Dump(root)
				}
				assert.Equal(t, want[i], got, "text %d", i)
			}
		})
	}
	wg.Wait()
}
