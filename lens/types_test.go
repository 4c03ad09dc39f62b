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

// bigWords is a regexp whose automaton is larger than compactStates, so
// that the checker's types are compacted and get's are not.
func bigWords() string {
	w := make([]string, 80)
	for i := range w {
		w[i] = fmt.Sprintf("w%03dx", i)
	}
	return strings.Join(w, "|")
}

// useTypes computes the plain types get and put use, for l and every
// lens inside it, as reading and writing would.
func useTypes(l *Lens, seen map[*Lens]bool) {
	if seen[l] {
		return
	}
	seen[l] = true
	l.ctype()
	l.types()
	if (l.kind == KindConcat || l.kind == KindSquare) && len(l.kids) > 1 {
		l.csuf(1)
		l.asuf(1)
	}
	for _, k := range l.kids {
		useTypes(k, seen)
	}
}

// Get and put use plain types, the checker compacted ones that replace
// them: checking a lens already used must find exactly what checking a
// fresh one finds, and the languages must not change.
func TestCheckAfterUse(t *testing.T) {
	for _, tc := range []struct {
		name string
		lens func() *Lens
	}{
		{"big keys", func() *Lens {
			return star(sub(key(bigWords()), dels("="), store("[0-9]+"), dels("\n")))
		}},
		{"big ambiguous", func() *Lens {
			return sub(Label("x"), store("("+bigWords()+")+"), del("[a-z0-9]*", ""))
		}},
		{"big overlap", func() *Lens {
			return alt(sub(key(bigWords()), dels("\n")), sub(key("w00[0-9]x"), dels("\n")))
		}},
		{"recursive", func() *Lens {
			r := Rec()
			body := sub(key(bigWords()), dels("{"), star(r), dels("}"))
			require.NoError(t, r.Define(body))
			return star(r)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fresh := tc.lens()
			want := Check(fresh)

			used := tc.lens()
			useTypes(used, map[*Lens]bool{})
			plainC, plainA := used.CType(), used.AType()
			got := Check(used)
			if want == nil {
				assert.NoError(t, got)
			} else {
				require.Error(t, got)
				assert.Equal(t, want.Error(), got.Error())
			}
			if plainC != nil {
				assert.True(t, plainC.Equal(used.CType()), "ctype changed by checking")
			}
			assert.True(t, plainA.Equal(used.AType()), "atype changed by checking")
		})
	}
}

func TestCheckedTypesReplacePlain(t *testing.T) {
	entry := sub(key(bigWords()), dels("\n"))
	l := star(entry)
	_, err := l.Get("w001x\nw079x\n")
	require.NoError(t, err)
	plain := entry.tt.Load()
	require.NotNil(t, plain)
	assert.False(t, plain.compacted, "get must not compact")
	assert.Greater(t, plain.ctype.States(), compactStates)

	require.NoError(t, Check(l))
	checked := entry.tt.Load()
	assert.True(t, checked.compacted)
	assert.LessOrEqual(t, checked.ctype.States(), plain.ctype.States())
	assert.True(t, checked.ctype.Equal(plain.ctype))
	assert.True(t, entry.ty.Load().compacted)
}

// Lenses are used concurrently: reading, writing and checking the same
// lens from several goroutines, while its types are first computed and
// then replaced by compacted ones (run with -race).
func TestTypesConcurrent(t *testing.T) {
	r := Rec()
	require.NoError(t, r.Define(sub(key(bigWords()), dels("{"), star(r), dels("}"))))
	l := star(alt(r, sub(key("[a-z]+"), dels("="), store("[0-9]+"), dels("\n"))))
	text := "w001x{w002x{}}a=1\nw079x{}"
	var wg sync.WaitGroup
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			root, err := l.Get(text)
			if !assert.NoError(t, err) {
				return
			}
			out, err := l.Put(root, text)
			assert.NoError(t, err)
			assert.Equal(t, text, out)
			root.Append(tree.NewValue("b", "2"))
			_, err = l.Put(root, text)
			assert.NoError(t, err)
			if g%2 == 0 {
				assert.NoError(t, Check(l))
			}
		}()
	}
	wg.Wait()
}
