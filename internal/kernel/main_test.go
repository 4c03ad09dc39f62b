package kernel_test

import (
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
)

// TestMain fails the run when a namespace a test created is still
// there afterwards, or goroutines the tests started still run.
func TestMain(m *testing.M) {
	before := runtime.NumGoroutine()
	code := m.Run()
	for deadline := time.Now().Add(2 * time.Second); runtime.NumGoroutine() > before && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		fmt.Fprintf(os.Stderr, "%d goroutines left behind (%d before the tests)\n", n-before, before)
		code = 1
	}
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
