package reftest_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/lensnet/lensnet/internal/reftest"
)

// A test finds the module's root wherever it runs from.
func ExampleModuleRoot() {
	t := &testing.T{}
	root := reftest.ModuleRoot(t)
	fmt.Println(filepath.Base(filepath.Join(root, "go.mod")))
	// Output: go.mod
}
