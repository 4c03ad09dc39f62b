package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSamplesAreTheGetTextsOfTheTransformLens(t *testing.T) {
	for _, c := range []struct {
		name string
		src  string
		want []string
	}{
		{"literal", `module Test_m = test M.lns get "a\n" = ?`, []string{"a\n"}},
		{"bound string", `module Test_m = let s = "a\n" test M.lns get s = ?`, []string{"a\n"}},
		{"own qualified name", `module Test_m = let s = "a\n" test M.lns get Test_m.s = ?`, []string{"a\n"}},
		{"concatenation", `module Test_m = let s = "a" . "b" test M.lns get s . "\n" = ?`, []string{"ab\n"}},
		{"alias of the lens", `module Test_m = let l = M.lns let k = l test k get "a" = ?`, []string{"a"}},
		{"later let shadows", `module Test_m = let s = "a" test M.lns get s = ? let s = "b" test M.lns get s = ?`, []string{"a", "b"}},
		{"shadowed by a non-string", `module Test_m = let s = "a" let s = M.lns test M.lns get s = ?`, nil},
		{"repeats dropped", `module Test_m = test M.lns get "a" = ? test M.lns get "a" = ?`, []string{"a"}},
		{"expected exception", `module Test_m = test M.lns get "a" = *`, nil},
		{"put test", `module Test_m = test M.lns put "a" after rm "x" = "a"`, nil},
		{"another lens", `module Test_m = test M.entry get "a" = ?`, nil},
		{"another module", `module Test_m = test N.lns get "a" = ?`, nil},
		{"another module's string", `module Test_m = test M.lns get N.s = ?`, nil},
		{"function call", `module Test_m = let f (x:string) = x test M.lns get (f "a") = ?`, nil},
		{"tree expected", `module Test_m = test M.lns get "k=v" = { "k" = "v" }`, []string{"k=v"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := samples("test_m.aug", c.src, "M", "lns")
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestSamplesOfABadModule(t *testing.T) {
	_, err := samples("test_m.aug", "module Test_m = test", "M", "lns")
	assert.Error(t, err)
}
