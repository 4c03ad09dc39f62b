package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
	"github.com/rogpeppe/go-internal/testscript"
)

// The scripts' own commands:
//
//	fixture NAME DIR   copy the tree fixtures/NAME of the repository
//	                   into DIR (made if missing; files there stay)
//	cmptree DIR1 DIR2  the two trees hold the same files, byte for byte
//	netns              make a network namespace for the script, named
//	                   in $NETNS and removed when the script ends;
//	                   scripts that run iface verbs use it (with
//	                   --netns $NETNS) so that nothing of the host's
//	                   own network shows or is touched
//
// and condition:
//
//	[netns]            namespaces can be made (Linux, root, ip on PATH)
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"fixture": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: fixture NAME DIR")
		}
		src := filepath.Join("..", "..", "fixtures", filepath.FromSlash(args[0]))
		ts.Check(copyInto(src, ts.MkAbs(args[1])))
	},
	"cmptree": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: cmptree DIR1 DIR2")
		}
		a, err := readFiles(ts.MkAbs(args[0]))
		ts.Check(err)
		b, err := readFiles(ts.MkAbs(args[1]))
		ts.Check(err)
		var diffs []string
		for name, x := range a {
			if y, ok := b[name]; !ok {
				diffs = append(diffs, name+": only in "+args[0])
			} else if x != y {
				diffs = append(diffs, name+": differs")
			}
		}
		for name := range b {
			if _, ok := a[name]; !ok {
				diffs = append(diffs, name+": only in "+args[1])
			}
		}
		if len(diffs) > 0 {
			slices.Sort(diffs)
			ts.Fatalf("%s and %s differ:\n%s", args[0], args[1], strings.Join(diffs, "\n"))
		}
	},
	"netns": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 0 {
			ts.Fatalf("usage: netns")
		}
		b := make([]byte, 4)
		rand.Read(b)
		name := kerneltest.Prefix + hex.EncodeToString(b)
		if out, err := exec.Command("ip", "netns", "add", name).CombinedOutput(); err != nil {
			ts.Fatalf("ip netns add %s: %v: %s", name, err, bytes.TrimSpace(out))
		}
		ts.Defer(func() {
			if out, err := exec.Command("ip", "netns", "del", name).CombinedOutput(); err != nil {
				ts.Logf("ip netns del %s: %v: %s", name, err, bytes.TrimSpace(out))
			}
		})
		ts.Setenv("NETNS", name)
	},
}

func scriptCondition(cond string) (bool, error) {
	if cond != "netns" {
		return false, fmt.Errorf("unknown condition %q", cond)
	}
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		return false, nil
	}
	_, err := exec.LookPath("ip")
	return err == nil, nil
}

// copyInto copies the files under src into dst.
func copyInto(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
}

// readFiles reads every file under dir, by slash-separated relative name.
func readFiles(dir string) (map[string]string, error) {
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	return out, err
}
