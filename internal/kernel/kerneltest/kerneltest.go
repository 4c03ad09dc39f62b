// Package kerneltest gives tests of the kernel layer throwaway
// network namespaces, and ways to look at them with iproute2
// independently of netlink.
//
// Everything a test makes happens inside namespaces NS creates
// (lensnet-test-<random>); NS removes them when the test ends, passed
// or failed. Tests that need root, `ip` or namespaces skip, saying
// which is missing.
package kerneltest

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/lensnet/lensnet/internal/kernel"
)

// Prefix begins the name of every namespace NS creates.
const Prefix = "lensnet-test-"

var (
	mu      sync.Mutex
	created []string // namespaces this process created
)

// NS creates a network namespace for the test, opens a Handle on it
// and removes both when the test ends. It skips the test unless it
// runs on Linux as root with `ip` on PATH and namespaces work.
func NS(t testing.TB) (name string, h *kernel.Handle) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("network namespaces need Linux")
	}
	if os.Geteuid() != 0 {
		t.Skip("network namespaces need root")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skip("network namespaces need iproute2's ip: not on PATH")
	}
	b := make([]byte, 4)
	rand.Read(b)
	name = Prefix + hex.EncodeToString(b)
	if out, err := exec.Command("ip", "netns", "add", name).CombinedOutput(); err != nil {
		t.Skipf("network namespaces do not work here: ip netns add: %v: %s", err, bytes.TrimSpace(out))
	}
	mu.Lock()
	created = append(created, name)
	mu.Unlock()
	t.Cleanup(func() {
		if out, err := exec.Command("ip", "netns", "del", name).CombinedOutput(); err != nil {
			t.Errorf("ip netns del %s: %v: %s", name, err, bytes.TrimSpace(out))
		}
	})
	h, err := kernel.Open(name)
	if err != nil {
		t.Fatalf("open namespace %s: %v", name, err)
	}
	t.Cleanup(func() { h.Close() })
	return name, h
}

// Exec runs args inside the namespace ns (`ip netns exec ns args...`)
// and returns its combined output; a failure fails the test.
func Exec(t testing.TB, ns string, args ...string) string {
	t.Helper()
	out, err := TryExec(ns, args...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TryExec runs args inside the namespace ns and returns its combined
// output, and an error quoting it when the command fails.
func TryExec(ns string, args ...string) (string, error) {
	return run(append([]string{"ip", "netns", "exec", ns}, args...)...)
}

// IP runs `ip -n ns args...` and returns its output; a failure fails
// the test.
func IP(t testing.TB, ns string, args ...string) string {
	t.Helper()
	out, err := run(append([]string{"ip", "-n", ns}, args...)...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// IPJSON runs `ip -n ns -j -d args...` ("link", "addr", "route",
// "-6 route", ...) and returns the decoded objects.
func IPJSON(t testing.TB, ns string, args ...string) []map[string]any {
	t.Helper()
	cmd := exec.Command("ip", append([]string{"-n", ns, "-j", "-d"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v: %s", strings.Join(cmd.Args, " "), err, bytes.TrimSpace(stderr.Bytes()))
	}
	var v []map[string]any
	if len(bytes.TrimSpace(out)) == 0 {
		return nil // ip prints nothing for an empty table
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%s: %v", strings.Join(cmd.Args, " "), err)
	}
	return v
}

// Leaked returns the namespaces this process created that still
// exist, for a TestMain to check after the tests.
func Leaked() ([]string, error) {
	mu.Lock()
	mine := slices.Clone(created)
	mu.Unlock()
	if len(mine) == 0 {
		return nil, nil
	}
	out, err := run("ip", "netns", "list")
	if err != nil {
		return nil, err
	}
	var left []string
	for line := range strings.Lines(out) {
		f := strings.Fields(line)
		if len(f) > 0 && slices.Contains(mine, f[0]) {
			left = append(left, f[0])
		}
	}
	return left, nil
}

func run(args ...string) (string, error) {
	out, err := exec.Command(args[0], args[1:]...).CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("%s: %v: %s", strings.Join(args, " "), err, bytes.TrimSpace(out))
	}
	return string(out), nil
}
