package nft_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
)

// TestMain fails the run when a namespace a test created is still
// there afterwards.
func TestMain(m *testing.M) {
	code := m.Run()
	left, err := kerneltest.Leaked()
	if err != nil {
		fmt.Fprintln(os.Stderr, "checking for namespaces left behind:", err)
		code = 1
	}
	if len(left) > 0 {
		fmt.Fprintln(os.Stderr, "namespaces left behind:", left)
		code = 1
	}
	os.Exit(code)
}
