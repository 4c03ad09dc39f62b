// bench generates the inputs of the performance table in the
// design notes and runs lensnet and augtool (Augeas 1.14, package
// augeas-tools) on them side by side, printing wall time, peak memory
// and their ratios, and how each tool scales from the small size to the
// large one (linear means at most 12x the time for 10x the input).
//
//	go run ./cmd/bench                  # sizes 1000 and 10000
//	go run ./cmd/bench -sizes 100,1000  # quicker
//	go run ./cmd/bench -augtool=false   # lensnet only
//	go run ./cmd/bench -runs 9          # median of 9 runs (default 5)
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/lensnet/lensnet/internal/gen"
)

// workload is one row of the table: files to generate and the augtool
// commands that exercise them.
type workload struct {
	name   string
	xform  string
	files  func(n int) map[string]string
	script func(n int) string
	// check, when set, tells whether the run did its work (a save
	// that wrote nothing would measure nothing)
	check func(root string, n int) error
}

var workloads = []workload{
	{
		name:  "interfaces: load + print",
		xform: "Interfaces incl /etc/network/interfaces",
		files: func(n int) map[string]string {
			return map[string]string{"/etc/network/interfaces": gen.Interfaces(n)}
		},
		script: func(int) string { return "print /files\n" },
	},
	{
		name:  "interfaces: set one option by predicate + save",
		xform: "Interfaces incl /etc/network/interfaces",
		files: func(n int) map[string]string {
			return map[string]string{"/etc/network/interfaces": gen.Interfaces(n)}
		},
		script: func(n int) string {
			return fmt.Sprintf("set /files/etc/network/interfaces/iface[. = 'eth%d']/mtu 1400\nsave\n", n/2/5*5)
		},
		check: func(root string, n int) error {
			b, err := os.ReadFile(filepath.Join(root, "etc/network/interfaces"))
			if err != nil {
				return err
			}
			if !bytes.Contains(b, []byte("mtu 1400")) {
				return fmt.Errorf("the file was not saved with the new mtu")
			}
			return nil
		},
	},
	{
		name:  "ifcfg: load N files",
		xform: "Shellvars incl /etc/sysconfig/network-scripts/ifcfg-*",
		files: func(n int) map[string]string {
			m := map[string]string{}
			for i := 0; i < n; i++ {
				m[fmt.Sprintf("/etc/sysconfig/network-scripts/ifcfg-eth%d", i)] = gen.Ifcfg(i)
			}
			return m
		},
		script: func(int) string { return "count /files/etc/sysconfig/network-scripts/*\n" },
	},
}

// result is one run's wall time and peak resident memory.
type result struct {
	wall time.Duration
	rss  int64 // KiB
}

func main() {
	sizes := flag.String("sizes", "1000,10000", "comma-separated input sizes (stanzas or files)")
	withAugtool := flag.Bool("augtool", true, "also run augtool")
	runs := flag.Int("runs", 5, "runs of each tool per size; the median is shown (augtool runs once when a run takes over 2 s)")
	flag.Parse()
	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fatal("bad size %q", s)
		}
		ns = append(ns, n)
	}
	work, err := os.MkdirTemp("", "lensnet-bench-")
	if err != nil {
		fatal("%v", err)
	}
	defer os.RemoveAll(work)
	lensnet := filepath.Join(work, "lensnet")
	// lensnet is pure Go: built without cgo it is a static binary,
	// which starts ~4 ms sooner than one linked with the C library (the
	// net package, which afero brings in, uses cgo when it can)
	build := exec.Command("go", "build", "-o", lensnet, "./cmd/lensnet")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		fatal("building lensnet: %v\n%s", err, out)
	}
	augtool := ""
	if *withAugtool {
		if augtool, err = exec.LookPath("augtool"); err != nil {
			fatal("augtool not found (install augeas-tools, or -augtool=false)")
		}
	}
	fmt.Printf("%-48s %7s %10s %9s %10s %9s %8s %8s\n", "work", "size", "lensnet", "RSS", "augtool", "RSS", "time x", "mem x")
	for _, w := range workloads {
		var ours, theirs []result
		for _, n := range ns {
			o := median(work, lensnet, w, n, *runs)
			ours = append(ours, o)
			line := fmt.Sprintf("%-48s %7d %10s %7dMB", w.name, n, round(o.wall), o.rss/1024)
			if augtool != "" {
				a := median(work, augtool, w, n, *runs)
				theirs = append(theirs, a)
				line += fmt.Sprintf(" %10s %7dMB %7.0fx %7.1fx", round(a.wall), a.rss/1024,
					float64(a.wall)/float64(o.wall), float64(a.rss)/float64(o.rss))
			}
			fmt.Println(line)
		}
		if len(ns) > 1 {
			first, last := 0, len(ns)-1
			grow := float64(ns[last]) / float64(ns[first])
			fmt.Printf("%-48s scaling %gx input: lensnet %.1fx time", "", grow, float64(ours[last].wall)/float64(ours[first].wall))
			if len(theirs) > 0 {
				fmt.Printf(", augtool %.1fx time", float64(theirs[last].wall)/float64(theirs[first].wall))
			}
			fmt.Println()
		}
	}
}

// median runs the tool up to runs times and returns the run of median
// wall time (one run only when a run takes over 2 s: augtool at the
// large sizes takes a minute).
func median(work, tool string, w workload, n, runs int) result {
	rs := []result{runTool(work, tool, w, n)}
	for len(rs) < runs && rs[0].wall < 2*time.Second {
		rs = append(rs, runTool(work, tool, w, n))
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].wall < rs[j].wall })
	return rs[len(rs)/2]
}

// runTool writes the workload's files into a fresh root and runs the
// tool on its script once.
func runTool(work, tool string, w workload, n int) result {
	root, err := os.MkdirTemp(work, "root-")
	if err != nil {
		fatal("%v", err)
	}
	defer os.RemoveAll(root)
	for p, text := range w.files(n) {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			fatal("%v", err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			fatal("%v", err)
		}
	}
	cmd := exec.Command(tool, "-r", root, "-A", "-t", w.xform)
	cmd.Stdin = strings.NewReader(w.script(n))
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &stderr // stdout to /dev/null
	start := time.Now()
	if err := cmd.Run(); err != nil {
		fatal("%s on %s (%d): %v\n%s", filepath.Base(tool), w.name, n, err, stderr.String())
	}
	res := result{wall: time.Since(start)}
	if w.check != nil {
		if err := w.check(root, n); err != nil {
			fatal("%s on %s (%d): %v", filepath.Base(tool), w.name, n, err)
		}
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		res.rss = ru.Maxrss
	}
	return res
}

func round(d time.Duration) string {
	if d < time.Second {
		return d.Round(time.Millisecond).String()
	}
	return d.Round(10 * time.Millisecond).String()
}

func fatal(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
	os.Exit(1)
}
