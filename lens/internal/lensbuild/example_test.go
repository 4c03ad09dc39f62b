package lensbuild_test

import (
	"fmt"

	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/lens/internal/lensbuild"
	"github.com/lensnet/lensnet/lens/source"
)

// The evaluator names a lens it has just built without copying it.
func ExampleSetInfo() {
	l := lens.Label("x")
	lensbuild.SetInfo(l, source.Info{Name: "Mod.lns"})
	fmt.Println(l.Info())
	// Output:
	// Mod.lns
}
