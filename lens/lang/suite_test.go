package lang

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/lensnet/lensnet/lenses"
)

var updateSuite = flag.Bool("update", false, "rewrite testdata/augeas-suite*.txt with the current results")

// augeasDist is where Debian's augeas-lenses package puts Augeas's lens
// library; its tests/ directory holds the 231 test modules.
const augeasDist = "/usr/share/augeas/lenses/dist"

// whyFailing explains the known failures in the list (written by -update
// as a comment above the entry).
var whyFailing = map[string]string{
	"test_xendconfsxp.aug": "the last test expects an exception on input that the lens does describe; the test file lists it\n" +
		"# under \"Bugs\": Augeas's Earley parser fails on it, lensnet reads it (a deliberate difference)",
}

// switchWriter lets one loader write each test file's output to its own
// buffer.
type switchWriter struct{ w *bytes.Buffer }

func (s *switchWriter) Write(p []byte) (int, error) { return s.w.Write(p) }

// suiteResult runs one of Augeas's test files and returns "pass" or
// "fail: first line of the error".
func suiteResult(ld *Loader, out *switchWriter, file string) string {
	out.w = &bytes.Buffer{}
	if _, err := ld.LoadFile(file); err != nil {
		msg := strings.SplitN(err.Error(), "\n", 2)[0]
		msg = strings.ReplaceAll(msg, augeasDist+"/", "")
		if len(msg) > 200 {
			msg = msg[:200] + "..."
		}
		return "fail: " + msg
	}
	return "pass"
}

// TestAugeasSuite is the judge of the lens language: every test module of
// Augeas 1.14 (package augeas-lenses) is loaded with Augeas's own lens
// modules, type-checked and its tests run, and the outcome compared with
// the checked-in list testdata/augeas-suite.txt. A file listed as passing
// must pass; a file listed as failing that now passes must be moved to
// the passing side (go test ./lens/lang -run AugeasSuite -update), so the
// list of failures only shrinks. The package must be installed: the test
// fails without it (scripts/test.sh installs it).
func TestAugeasSuite(t *testing.T) {
	t.Parallel()
	runSuite(t, "TestAugeasSuite", "testdata/augeas-suite.txt", []Dir{OSDir(augeasDist)})
}

// TestAugeasSuiteOwnLenses runs the same test modules with lensnet's own
// modules (package lenses) in front of Augeas's: Util, Rx, Sep, Build,
// Shellvars, Interfaces, Sysctl, Modprobe, Hosts and Resolv come from
// lensnet, so test_shellvars.aug, test_interfaces.aug, ... check our
// lenses, and every other Augeas lens is built on our helper modules.
// The outcome list is testdata/augeas-suite-own.txt.
func TestAugeasSuiteOwnLenses(t *testing.T) {
	t.Parallel()
	runSuite(t, "TestAugeasSuiteOwnLenses: lensnet's own modules in front of Augeas's", "testdata/augeas-suite-own.txt", []Dir{{Name: "(embedded)", FS: lenses.FS}, OSDir(augeasDist)})
}

func runSuite(t *testing.T, title, suiteList string, path []Dir) {
	files, _ := filepath.Glob(filepath.Join(augeasDist, "tests", "test_*.aug"))
	if len(files) == 0 {
		t.Fatalf("Augeas's test modules are missing under %s/tests: install the augeas-lenses package (scripts/test.sh does)", augeasDist)
	}
	out := &switchWriter{w: &bytes.Buffer{}}
	ld := NewLoader(Options{
		Path:      path,
		TypeCheck: true,
		Tests:     true,
		Stdout:    out,
		Getenv:    func(string) string { return "" },
	})
	got := map[string]string{}
	start := time.Now()
	passed := 0
	type timing struct {
		name string
		d    time.Duration
	}
	var times []timing
	for _, f := range files {
		t0 := time.Now()
		r := suiteResult(ld, out, f)
		times = append(times, timing{filepath.Base(f), time.Since(t0)})
		got[filepath.Base(f)] = r
		if r == "pass" {
			passed++
		}
	}
	t.Logf("%d of %d Augeas test modules pass, type checked, in %v", passed, len(files), time.Since(start).Round(time.Millisecond))
	sort.Slice(times, func(i, j int) bool { return times[i].d > times[j].d })
	for _, x := range times[:min(8, len(times))] {
		t.Logf("  %-28s %v (with the modules it loads first)", x.name, x.d.Round(time.Millisecond))
	}
	if *updateSuite {
		writeSuiteList(t, title, suiteList, got)
		return
	}
	want := readSuiteList(t, suiteList)
	var names []string
	for n := range got {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, ok := want[n]
		g := got[n]
		switch {
		case !ok:
			t.Errorf("%s: not in %s (got %s); run with -update", n, suiteList, g)
		case w == "pass" && g != "pass":
			t.Errorf("%s: passed before, now %s", n, g)
		case w != "pass" && g == "pass":
			t.Errorf("%s: now passes; move it to the passing side of %s (-update)", n, suiteList)
		}
	}
	for n := range want {
		if _, ok := got[n]; !ok {
			t.Errorf("%s: listed in %s but not found in %s/tests", n, suiteList, augeasDist)
		}
	}
}

func readSuiteList(t *testing.T, suiteList string) map[string]string {
	b, err := os.ReadFile(suiteList)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, result, _ := strings.Cut(line, " ")
		want[name] = result
	}
	return want
}

func writeSuiteList(t *testing.T, title, suiteList string, got map[string]string) {
	var names []string
	for n := range got {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "# Augeas 1.14's test modules run through lensnet (%s).\n# One line per file: name, then pass or fail: reason. Regenerate with\n#   go test ./lens/lang -run AugeasSuite -update\n", title)
	for _, n := range names {
		if why, ok := whyFailing[n]; ok && got[n] != "pass" {
			fmt.Fprintf(&b, "# %s: %s\n", n, why)
		}
		fmt.Fprintf(&b, "%s %s\n", n, got[n])
	}
	if err := os.WriteFile(suiteList, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
