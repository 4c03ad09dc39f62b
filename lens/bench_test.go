package lens

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lensnet/lensnet/tree"
)

// Benchmarks of get, put and create over inputs from 1 KB to 10 MB, for a
// line-oriented lens (a sysctl/shell-variable file) and a recursive lens
// (nested blocks), and of augtool running the same lenses as Augeas
// modules, so that throughputs can be compared in one run:
//
//	go test -run='^$' -bench=. -benchtime=3x ./lens/
//
// Inputs are generated lazily, inside the sub-benchmark that needs them,
// so unselected sizes cost nothing; -short skips the 10 MB inputs.

// benchLineAug is the line lens in the Augeas lens language. The Go
// lens built by benchLineLens is the same lens.
const benchLineAug = `module Benchline =
  let comment = [ label "#comment" . del /#[ \t]*/ "# " . store /[^ \t\n][^\n]*/ . del /\n/ "\n" ]
  let blank = [ del /[ \t]*\n/ "\n" ]
  let entry = [ key /[A-Za-z0-9_.]+/ . del /[ \t]*=[ \t]*/ "=" . store /[^ \t\n#][^\n]*[^ \t\n]|[^ \t\n#]/ . del /[ \t]*\n/ "\n" ]
  let lns = (comment | blank | entry)*
`

// benchRecAug is the recursive lens in the Augeas lens language: the
// line lens with indentation allowed, plus blocks "name {\n ... }\n".
const benchRecAug = `module Benchrec =
  let indent = del /[ \t]*/ ""
  let comment = [ label "#comment" . del /[ \t]*#[ \t]*/ "# " . store /[^ \t\n][^\n]*/ . del /\n/ "\n" ]
  let blank = [ del /[ \t]*\n/ "\n" ]
  let entry = [ indent . key /[A-Za-z0-9_.]+/ . del /[ \t]*=[ \t]*/ "=" . store /[^ \t\n#][^\n]*[^ \t\n]|[^ \t\n#]/ . del /[ \t]*\n/ "\n" ]
  let rec block = [ indent . key /[a-z]+/ . del /[ \t]*\{\n/ " {\n" . (comment | blank | entry | block)* . del /[ \t]*\}\n/ "}\n" ]
  let lns = (comment | blank | entry | block)*
`

// Patterns are engine text: "\n" and "\t" below are raw bytes, as the
// lens language would pass them.
const (
	benchKeyRe   = `[A-Za-z0-9_.]+`
	benchValueRe = "[^ \t\n#][^\n]*[^ \t\n]|[^ \t\n#]"
)

func benchLineLens() (*Lens, error) {
	comment := Subtree(cat(Label("#comment"), del("#[ \t]*", "# "), store("[^ \t\n][^\n]*"), del("\n", "\n")))
	blank := Subtree(del("[ \t]*\n", "\n"))
	entry := Subtree(cat(key(benchKeyRe), del("[ \t]*=[ \t]*", "="), store(benchValueRe), del("[ \t]*\n", "\n")))
	l, err := Star(alt(comment, blank, entry))
	if err != nil {
		return nil, err
	}
	return l, Check(l)
}

func benchRecLens() (*Lens, error) {
	indent := func() *Lens { return del("[ \t]*", "") }
	comment := Subtree(cat(Label("#comment"), del("[ \t]*#[ \t]*", "# "), store("[^ \t\n][^\n]*"), del("\n", "\n")))
	blank := Subtree(del("[ \t]*\n", "\n"))
	entry := Subtree(cat(indent(), key(benchKeyRe), del("[ \t]*=[ \t]*", "="), store(benchValueRe), del("[ \t]*\n", "\n")))
	block := Rec()
	body, err := Star(alt(comment, blank, entry, block))
	if err != nil {
		return nil, err
	}
	if err := block.Define(Subtree(cat(indent(), key("[a-z]+"), del("[ \t]*\\{\n", " {\n"), body, del("[ \t]*\\}\n", "}\n")))); err != nil {
		return nil, err
	}
	l, err := Star(alt(comment, blank, entry, block))
	if err != nil {
		return nil, err
	}
	return l, Check(l)
}

// genLine returns a deterministic line-lens input of about size bytes
// (at most one line more).
func genLine(size int) string {
	var b strings.Builder
	b.Grow(size + 128)
	for i := 0; b.Len() < size; i++ {
		switch i % 8 {
		case 0:
			fmt.Fprintf(&b, "# comment number %d: some explanatory text\n", i)
		case 1:
			fmt.Fprintf(&b, "VAR_%d=value%d\n", i, i)
		case 2:
			fmt.Fprintf(&b, "net.ipv4.conf.if%d.forwarding = %d\n", i, i%2)
		case 3:
			b.WriteString("\n")
		case 4:
			fmt.Fprintf(&b, "key%d\t=\t\"quoted value with # hash %d\"  \n", i, i)
		case 5:
			fmt.Fprintf(&b, "#compact%d\n", i)
		case 6:
			b.WriteString("   \t\n")
		case 7:
			fmt.Fprintf(&b, "x%d=y\n", i)
		}
	}
	return b.String()
}

var benchBlockNames = []string{"server", "location", "upstream", "limits", "group"}

// genRec returns a deterministic recursive-lens input of about size
// bytes: top-level entries, comments and blank lines between blocks
// nested three deep (a block holds entries, a comment and, above the
// third level, two inner blocks).
func genRec(size int) string {
	var b strings.Builder
	b.Grow(size + 1024)
	n := 0
	var block func(depth int)
	block = func(depth int) {
		ind := strings.Repeat("  ", depth)
		fmt.Fprintf(&b, "%s%s {\n", ind, benchBlockNames[n%len(benchBlockNames)])
		n++
		fmt.Fprintf(&b, "%s  opt%d = value %d\n", ind, n, n)
		fmt.Fprintf(&b, "%s  # inner comment %d\n", ind, n)
		fmt.Fprintf(&b, "%s  flag%d=on\n", ind, n)
		if depth < 2 {
			b.WriteString("\n")
			block(depth + 1)
			block(depth + 1)
		}
		fmt.Fprintf(&b, "%s}\n", ind)
	}
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "# section %d\n", i)
		fmt.Fprintf(&b, "top%d = %d\n", i, i)
		b.WriteString("\n")
		block(0)
	}
	return b.String()
}

type benchCase struct {
	name   string
	build  func() (*Lens, error)
	gen    func(int) string
	module string // Augeas module name
	source string // Augeas module text
}

var benchCases = []benchCase{
	{"line", benchLineLens, genLine, "Benchline", benchLineAug},
	{"rec", benchRecLens, genRec, "Benchrec", benchRecAug},
}

var benchSizes = []struct {
	name string
	n    int
}{{"1KB", 1 << 10}, {"10KB", 10 << 10}, {"100KB", 100 << 10}, {"1MB", 1 << 20}, {"10MB", 10 << 20}}

// Lenses and inputs are built once per process and shared by the
// benchmarks.
var benchCache struct {
	sync.Mutex
	lenses map[string]*Lens
	inputs map[string]string
}

func benchLens(tb testing.TB, c benchCase) *Lens {
	tb.Helper()
	benchCache.Lock()
	defer benchCache.Unlock()
	if l, ok := benchCache.lenses[c.name]; ok {
		return l
	}
	l, err := c.build()
	if err != nil {
		tb.Fatalf("%s lens: %v", c.name, err)
	}
	if benchCache.lenses == nil {
		benchCache.lenses = map[string]*Lens{}
	}
	benchCache.lenses[c.name] = l
	return l
}

func benchInput(c benchCase, size int) string {
	benchCache.Lock()
	defer benchCache.Unlock()
	k := fmt.Sprint(c.name, "/", size)
	if in, ok := benchCache.inputs[k]; ok {
		return in
	}
	in := c.gen(size)
	if benchCache.inputs == nil {
		benchCache.inputs = map[string]string{}
	}
	benchCache.inputs[k] = in
	return in
}

// forEachBench runs f as sub-benchmarks lens/size with the input
// generated (outside the timer) only when the sub-benchmark runs.
func forEachBench(b *testing.B, f func(b *testing.B, c benchCase, l *Lens, in string)) {
	for _, c := range benchCases {
		for _, sz := range benchSizes {
			b.Run(c.name+"/"+sz.name, func(b *testing.B) {
				if testing.Short() && sz.n > 1<<20 {
					b.Skip("-short: skipping inputs over 1 MB")
				}
				l := benchLens(b, c)
				in := benchInput(c, sz.n)
				b.SetBytes(int64(len(in)))
				b.ReportAllocs()
				f(b, c, l, in)
			})
		}
	}
}

func benchGet(b *testing.B, l *Lens, in string) *tree.Node {
	b.Helper()
	root, err := l.Get(in)
	if err != nil {
		b.Fatal(err)
	}
	return root
}

// countNodes returns the number of descendants of n, and how many of
// them have a label (the nodes augtool shows).
func countNodes(n *tree.Node) (all, labelled int) {
	for _, c := range n.Children() {
		a, l := countNodes(c)
		all += a + 1
		labelled += l
		if !c.Hidden() {
			labelled++
		}
	}
	return all, labelled
}

// middleEntry returns the top-level entry (a child with a value other
// than a comment) in the middle of root's children.
func middleEntry(root *tree.Node) *tree.Node {
	var entries []*tree.Node
	for _, c := range root.Children() {
		lab, ok := c.Label()
		if _, hasValue := c.Value(); ok && hasValue && lab != "#comment" {
			entries = append(entries, c)
		}
	}
	if len(entries) == 0 {
		return nil
	}
	return entries[len(entries)/2]
}

const benchNewValue = "changed-value"

// changeOne gets in, sets the value of its middle entry and returns the
// tree, the entry's label and the text a put should produce.
func changeOne(b *testing.B, l *Lens, in string) (root *tree.Node, label, want string) {
	b.Helper()
	root = benchGet(b, l, in)
	e := middleEntry(root)
	if e == nil {
		b.Fatal("no entry to change")
	}
	old, _ := e.Value()
	e.SetValue(benchNewValue)
	label, _ = e.Label()
	vs, ve := e.Span.ValueStart, e.Span.ValueEnd
	if in[vs:ve] != old {
		b.Fatalf("span of %s: %q, value %q", label, in[vs:ve], old)
	}
	return root, label, in[:vs] + benchNewValue + in[ve:]
}

func BenchmarkGet(b *testing.B) {
	forEachBench(b, func(b *testing.B, _ benchCase, l *Lens, in string) {
		var root *tree.Node
		for b.Loop() {
			root = benchGet(b, l, in)
		}
		all, _ := countNodes(root)
		b.ReportMetric(float64(all), "nodes")
	})
}

// BenchmarkPut writes back the unchanged tree with its original text.
func BenchmarkPut(b *testing.B) {
	forEachBench(b, func(b *testing.B, _ benchCase, l *Lens, in string) {
		root := benchGet(b, l, in)
		out, err := l.Put(root, in)
		if err != nil {
			b.Fatal(err)
		}
		if out != in {
			b.Fatal("put of the unchanged tree changed the text")
		}
		for b.Loop() {
			if _, err := l.Put(root, in); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkPutChanged writes back the tree after changing the value of
// one entry.
func BenchmarkPutChanged(b *testing.B) {
	forEachBench(b, func(b *testing.B, _ benchCase, l *Lens, in string) {
		root, _, want := changeOne(b, l, in)
		out, err := l.Put(root, in)
		if err != nil {
			b.Fatal(err)
		}
		if out != want {
			b.Fatal("put after changing one value: unexpected text")
		}
		for b.Loop() {
			if _, err := l.Put(root, in); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCreate writes the tree as new text with the lens's defaults.
func BenchmarkCreate(b *testing.B) {
	forEachBench(b, func(b *testing.B, _ benchCase, l *Lens, in string) {
		root := benchGet(b, l, in)
		out, err := l.Create(root)
		if err != nil {
			b.Fatal(err)
		}
		again, err := l.Get(out)
		if err != nil {
			b.Fatalf("get of created text: %v", err)
		}
		if !tree.Equal(root, again) {
			b.Fatal("created text does not read back to the same tree")
		}
		for b.Loop() {
			if _, err := l.Create(root); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestBenchLenses keeps the benchmark lenses and inputs valid in the
// normal test run (small inputs only).
func TestBenchLenses(t *testing.T) {
	for _, c := range benchCases {
		t.Run(c.name, func(t *testing.T) {
			l := benchLens(t, c)
			in := c.gen(2 << 10)
			root, err := l.Get(in)
			if err != nil {
				t.Fatal(err)
			}
			out, err := l.Put(root, in)
			if err != nil || out != in {
				t.Fatalf("put unchanged: %v", err)
			}
			out, err = l.Create(root)
			if err != nil {
				t.Fatal(err)
			}
			again, err := l.Get(out)
			if err != nil || !tree.Equal(root, again) {
				t.Fatalf("create does not read back: %v", err)
			}
		})
	}
}

// augBudget is the longest a single augtool run may take: a size whose
// run is predicted (ten times the previous size's run) to take longer is
// skipped, and a run that takes longer is killed and its size skipped.
const augBudget = 60 * time.Second

var errAugTimeout = errors.New("augtool timed out")

type augtool struct {
	path, mods, root, file string
	c                      benchCase
}

func newAugtool(b *testing.B, c benchCase) *augtool {
	b.Helper()
	path, err := exec.LookPath("augtool")
	if err != nil {
		b.Skip("augtool not on PATH")
	}
	dir := b.TempDir()
	a := &augtool{path: path, mods: filepath.Join(dir, "mods"), root: filepath.Join(dir, "root"), c: c}
	a.file = filepath.Join(a.root, "data.conf")
	for _, d := range []string{a.mods, a.root} {
		if err := os.Mkdir(d, 0o755); err != nil {
			b.Fatal(err)
		}
	}
	mod := filepath.Join(a.mods, strings.ToLower(c.module)+".aug")
	if err := os.WriteFile(mod, []byte(c.source), 0o644); err != nil {
		b.Fatal(err)
	}
	return a
}

// run runs augtool on the file (loading it, which is a full get) with
// one command, and returns its output.
func (a *augtool) run(args ...string) (string, error) {
	all := append([]string{"--nostdinc", "--noautoload", "-I", a.mods, "-r", a.root,
		"-t", a.c.module + ".lns incl /data.conf"}, args...)
	ctx, cancel := context.WithTimeout(context.Background(), augBudget)
	defer cancel()
	cmd := exec.CommandContext(ctx, a.path, all...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() != nil {
		return "", errAugTimeout
	}
	if err != nil {
		err = fmt.Errorf("augtool %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	return out.String(), err
}

func (a *augtool) write(b *testing.B, text string) {
	b.Helper()
	if err := os.WriteFile(a.file, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
}

// get loads the file and checks that it loaded without error.
func (a *augtool) get(b *testing.B) {
	b.Helper()
	out, err := a.run("match", "/augeas//error")
	if errors.Is(err, errAugTimeout) {
		b.Skipf("augtool took over %v", augBudget)
	}
	if err != nil {
		b.Fatal(err)
	}
	if strings.TrimSpace(out) != "(no matches)" {
		b.Fatalf("augtool load failed:\n%.2000s", out)
	}
}

// put loads the file, sets one value and saves it.
func (a *augtool) put(b *testing.B, label string) {
	b.Helper()
	out, err := a.run("--autosave", "set", "/files/data.conf/"+label, benchNewValue)
	if errors.Is(err, errAugTimeout) {
		b.Skipf("augtool took over %v", augBudget)
	}
	if err != nil {
		b.Fatal(err)
	}
	if !strings.Contains(out, "Saved 1 file(s)") {
		b.Fatalf("augtool did not save:\n%.2000s", out)
	}
}

// verify compares augtool's tree of the file with root: the number of nodes
// and the whole print form.
func (a *augtool) verify(b *testing.B, root *tree.Node) {
	b.Helper()
	out, err := a.run("print", "/files/data.conf")
	if err != nil {
		b.Fatal(err)
	}
	var got strings.Builder
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for _, line := range lines[1:] { // the first line is /files/data.conf itself
		got.WriteString(strings.TrimPrefix(line, "/files/data.conf"))
		got.WriteByte('\n')
	}
	_, labelled := countNodes(root)
	if len(lines)-1 != labelled {
		b.Fatalf("augtool has %d nodes, we have %d labelled nodes", len(lines)-1, labelled)
	}
	if want := tree.Dump(root); got.String() != want {
		b.Fatalf("augtool's tree differs from ours:\naugtool:\n%.3000s\nours:\n%.3000s", got.String(), want)
	}
	b.Logf("augtool's tree matches ours: %d labelled nodes", labelled)
}

// BenchmarkAugtool times augtool (one process per iteration, startup
// included) reading each input (get) and setting one value and saving
// (put: get, then put of the changed tree), for comparison with
// BenchmarkGet and BenchmarkPutChanged. The sizes "0B" measure the fixed
// cost of starting augtool and compiling the module.
func BenchmarkAugtool(b *testing.B) {
	if _, err := exec.LookPath("augtool"); err != nil {
		b.Skip("augtool not on PATH")
	}
	for _, op := range []string{"get", "put"} {
		for _, c := range benchCases {
			var last time.Duration // one run of the previous size
			verified := false
			sizes := append([]struct {
				name string
				n    int
			}{{"0B", 0}}, benchSizes...)
			for _, sz := range sizes {
				b.Run(op+"/"+c.name+"/"+sz.name, func(b *testing.B) {
					if testing.Short() && sz.n > 1<<20 {
						b.Skip("-short: skipping inputs over 1 MB")
					}
					if sz.n > 1<<10 && last*10 > augBudget {
						b.Skipf("predicted over %v (previous size took %v)", augBudget, last)
					}
					l := benchLens(b, c)
					in := ""
					if sz.n > 0 {
						in = benchInput(c, sz.n)
					}
					a := newAugtool(b, c)
					a.write(b, in)
					b.SetBytes(int64(len(in)))
					start := time.Now()
					last = augBudget // if the first run is cut short
					switch op {
					case "get":
						a.get(b)
						last = time.Since(start)
						if !verified && sz.n > 0 {
							a.verify(b, benchGet(b, l, in))
							verified = true
						}
						for b.Loop() {
							a.get(b)
						}
					case "put":
						if sz.n == 0 {
							in = "x=1\n"
							a.write(b, in)
						}
						root, label, want := changeOne(b, l, in)
						a.put(b, label)
						last = time.Since(start)
						saved, err := os.ReadFile(a.file)
						if err != nil {
							b.Fatal(err)
						}
						if string(saved) != want {
							b.Fatal("augtool's saved text differs from ours")
						}
						if ours, err := l.Put(root, in); err != nil || ours != want {
							b.Fatalf("our put differs from augtool's: %v", err)
						}
						for b.Loop() {
							b.StopTimer()
							a.write(b, in)
							b.StartTimer()
							a.put(b, label)
						}
					}
				})
			}
		}
	}
}
