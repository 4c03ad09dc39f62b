package lens_test

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/lensnet/lensnet/internal/gen"
	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/lens/lang"
	"github.com/lensnet/lensnet/lenses"
	"github.com/lensnet/lensnet/regular"
	"github.com/lensnet/lensnet/tree"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	shippedOnce sync.Once
	shipped     *lang.Loader
)

func shippedLens(t *testing.T, module string) *lens.Lens {
	t.Helper()
	shippedOnce.Do(func() {
		shipped = lang.NewLoader(lang.Options{Path: []lang.Dir{{Name: "(embedded)", FS: lenses.FS}}})
	})
	l, err := shipped.Lens(module + ".lns")
	require.NoError(t, err)
	return l
}

// getBoth reads text with the parallel read of large stars on and off,
// and tells whether the parallel read was used (rather than given up).
func getBoth(l *lens.Lens, text string) (par, seq string, parErr, seqErr error, used bool) {
	dump := func(on bool) (string, bool, error) {
		root, lay, used, err := lens.GetLayoutParallel(l, text, on)
		if err != nil {
			return "", used, err
		}
		dumped := dumpAll(root)
		// the layout must let PutChangedLayout write back the text
		out, err := l.PutChangedLayout(root, text, lay)
		if err != nil {
			return "", used, err
		}
		if out != text {
			return "", used, fmt.Errorf("put of the tree as read changed the text")
		}
		return dumped, used, nil
	}
	seq, _, seqErr = dump(false)
	par, used, parErr = dump(true)
	return
}

// multicore tells whether the parallel read can be used at all (it is
// not with one processor).
func multicore() bool { return runtime.GOMAXPROCS(0) > 1 }

// TestParallelGetSame: reading the top-level star of a large file in
// parallel gives the nodes, spans and layout of the sequential read.
func TestParallelGetSame(t *testing.T) {
	for _, c := range []struct {
		module, text string
		par          bool // whether it can be read in parallel
	}{
		{"Interfaces", gen.Interfaces(3000), true},
		{"Interfaces", "# head\n\n" + gen.Interfaces(1500) + "\n\n# tail\n", true},
		{"Sysctl", gen.Sysctl(20000), true},
		// each host is numbered by a seq no counter resets: the runs
		// after the first cannot number theirs
		{"Hosts", gen.Hosts(20000), false},
		// Shellvars is recursive: its star is read by the recogniser
		{"Shellvars", strings.Repeat(gen.Ifcfg(7), 2000), false},
	} {
		t.Run(c.module, func(t *testing.T) {
			require.Greater(t, len(c.text), 64<<10, "the text must be large enough to be read in parallel")
			par, seq, parErr, seqErr, used := getBoth(shippedLens(t, c.module), c.text)
			require.NoError(t, seqErr)
			require.NoError(t, parErr)
			assert.Equal(t, c.par && multicore(), used, "read in parallel")
			assert.Equal(t, seq, par)
		})
	}
}

// TestParallelGetErrors: an error anywhere in a large file is the one
// the sequential read reports.
func TestParallelGetErrors(t *testing.T) {
	text := gen.Interfaces(3000)
	for _, at := range []int{len(text) / 10, len(text) / 2, len(text) - 100} {
		nl := strings.IndexByte(text[at:], '\n') + at + 1
		bad := text[:nl] + "iface\n" + text[nl:]
		_, _, parErr, seqErr, _ := getBoth(shippedLens(t, "Interfaces"), bad)
		require.Error(t, seqErr)
		require.Error(t, parErr)
		assert.Equal(t, seqErr.Error(), parErr.Error())
	}
}

// TestParallelGetSeq: a seq counted across the iterations of the star
// (no counter inside them) numbers the nodes as the sequential read
// does, 1 to N; a seq under a counter in each iteration restarts.
func TestParallelGetSeq(t *testing.T) {
	re := regular.MustCompile
	word := lens.Store(re("[a-z]+"))
	nl := lens.Del(re("\n"), "\n")
	// [ seq "n" . store WORD . del "\n" ]*
	item, err := lens.Concat(lens.Seq("n"), word, nl)
	require.NoError(t, err)
	across, err := lens.Star(lens.Subtree(item))
	require.NoError(t, err)
	// [ key "x" . counter "c" . [ seq "c" . del " " " " . store WORD ]* . del "\n" ]*
	sub, err := lens.Concat(lens.Seq("c"), lens.Del(re(" "), " "), word)
	require.NoError(t, err)
	subs, err := lens.Star(lens.Subtree(sub))
	require.NoError(t, err)
	line, err := lens.Concat(lens.Key(re("x")), lens.Counter("c"), subs, nl)
	require.NoError(t, err)
	inside, err := lens.Star(lens.Subtree(line))
	require.NoError(t, err)
	for _, c := range []struct {
		name string
		l    *lens.Lens
		text string
	}{
		{"across", across, strings.Repeat("abc\n", 40000)},
		{"inside", inside, strings.Repeat("x a b c\n", 20000)},
	} {
		t.Run(c.name, func(t *testing.T) {
			par, seq, parErr, seqErr, used := getBoth(c.l, c.text)
			require.NoError(t, seqErr)
			require.NoError(t, parErr)
			// across: the runs after the first cannot know where the
			// count stands, so the star is read sequentially
			assert.Equal(t, c.name == "inside" && multicore(), used, "read in parallel")
			assert.Equal(t, seq, par)
			root, err := c.l.Get(c.text)
			require.NoError(t, err)
			last := root.Child(len(root.Children()) - 1)
			if c.name == "across" {
				label, _ := last.Label()
				assert.Equal(t, "40000", label)
			} else {
				assert.Equal(t, []string{"1", "2", "3"}, labels(last))
			}
		})
	}
}

func labels(n *tree.Node) []string {
	var out []string
	for _, k := range n.Children() {
		l, _ := k.Label()
		out = append(out, l)
	}
	return out
}

func BenchmarkParallelGet(b *testing.B) {
	shippedOnce.Do(func() {
		shipped = lang.NewLoader(lang.Options{Path: []lang.Dir{{Name: "(embedded)", FS: lenses.FS}}})
	})
	l, err := shipped.Lens("Interfaces.lns")
	require.NoError(b, err)
	text := gen.Interfaces(10000)
	for _, on := range []bool{false, true} {
		b.Run(fmt.Sprint("parallel=", on), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, _, _, err := lens.GetLayoutParallel(l, text, on); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzParallelGet: a text repeated past the parallel threshold reads the
// same, errors included, in parallel and sequentially (Interfaces and
// Sysctl, whose tops end in a large star).
func FuzzParallelGet(f *testing.F) {
	f.Add(gen.Interfaces(3), uint8(0))
	f.Add(gen.Sysctl(5), uint8(1))
	f.Add("auto lo\niface lo inet loopback\n", uint8(0))
	f.Add("net.ipv4.ip_forward = 1\n# c\n", uint8(1))
	f.Fuzz(func(t *testing.T, text string, which uint8) {
		if text == "" || strings.ContainsAny(text, "\x01\x02\x03\x04") {
			return
		}
		module := []string{"Interfaces", "Sysctl"}[which%2]
		big := strings.Repeat(text, (70<<10)/len(text)+1)
		par, seq, parErr, seqErr, _ := getBoth(shippedLens(t, module), big)
		if fmt.Sprint(parErr) != fmt.Sprint(seqErr) {
			t.Fatalf("errors differ: parallel %v, sequential %v", parErr, seqErr)
		}
		if par != seq {
			t.Fatalf("trees differ for %q repeated", text)
		}
	})
}
