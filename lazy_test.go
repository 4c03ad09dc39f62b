package lensnet

import (
	"fmt"
	"io"
	"testing"

	"github.com/lensnet/lensnet/internal/gen"
	"github.com/lensnet/lensnet/tree"
	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lazyNodes counts the nodes under n whose children are not read yet,
// without reading them.
func lazyNodes(n *tree.Node) int {
	if tree.IsLazy(n) {
		return 1
	}
	k := 0
	for _, c := range n.Children() {
		k += lazyNodes(c)
	}
	return k
}

// TestLoadLazy: files read lazily answer paths, take edits and save
// exactly as files read in full, and a save opens only what changed.
func TestLoadLazy(t *testing.T) {
	texts := map[string]string{
		"/etc/network/interfaces": gen.Interfaces(400),
		"/etc/hosts":              gen.Hosts(300),
		"/etc/sysctl.conf":        gen.Sysctl(300) + "kernel.x = 1 # trailing\n",
		"/etc/modprobe.d/a.conf":  gen.Modprobe(200),
		"/etc/resolv.conf":        gen.Resolv(40),
	}
	open := func(lazyMin int) (*Handle, afero.Fs) {
		fsys := memRoot(t, texts)
		h, err := Open(Options{Fs: fsys, LoadAll: true, LazyMin: lazyMin})
		require.NoError(t, err)
		return h, fsys
	}
	eager, efs := open(-1)
	lazy, lfs := open(1)
	require.Zero(t, lazyNodes(eager.filesNode()))
	before := lazyNodes(lazy.filesNode())
	require.Greater(t, before, 400, "top-level nodes left unread")

	// queries that stop at the top level leave the nodes unread
	for _, p := range []string{
		"/files/etc/network/interfaces/iface[. = 'eth200']",
		"/files/etc/hosts/*[ipaddr]",
		"/files/etc/network/interfaces/*[label() != 'iface']",
	} {
		want, err := eager.Match(p)
		require.NoError(t, err)
		got, err := lazy.Match(p)
		require.NoError(t, err)
		assert.Equal(t, want, got, p)
	}
	assert.Less(t, lazyNodes(lazy.filesNode()), before, "predicates on children read those nodes")
	assert.Greater(t, lazyNodes(lazy.filesNode()), 0)

	edits := []func(h *Handle) error{
		func(h *Handle) error { return h.Set("/files/etc/network/interfaces/iface[. = 'eth200']/mtu", "1400") },
		func(h *Handle) error {
			_, err := h.Remove("/files/etc/hosts/3/alias")
			return err
		},
		func(h *Handle) error {
			return h.Insert("/files/etc/network/interfaces/iface[. = 'eth5']/address", "hwaddress", false)
		},
		func(h *Handle) error {
			return h.Set("/files/etc/network/interfaces/iface[. = 'eth5']/hwaddress", "ether 00:11:22:33:44:55")
		},
		func(h *Handle) error { return h.Set("/files/etc/sysctl.conf/kernel.x/#comment", "changed") },
		func(h *Handle) error {
			return h.Move("/files/etc/network/interfaces/iface[. = 'eth10']/address", "/files/etc/network/interfaces/iface[. = 'eth15']/address")
		},
		func(h *Handle) error { return h.Save() },
	}
	for k, edit := range edits {
		assert.Equal(t, fmt.Sprint(edit(eager)), fmt.Sprint(edit(lazy)), "edit %d", k)
	}
	for p := range texts {
		want, err := afero.ReadFile(efs, p)
		require.NoError(t, err)
		got, err := afero.ReadFile(lfs, p)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), p)
	}

	// everything, read in the end, is the same tree
	want, err := eager.Match("/files//*")
	require.NoError(t, err)
	got, err := lazy.Match("/files//*")
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, tree.Dump(eager.filesNode()), tree.Dump(lazy.filesNode()))
	assert.Zero(t, lazyNodes(lazy.filesNode()))
}

// TestLoadLazySetSave: setting one option of one stanza of a large
// interfaces file and saving reads that stanza only, and writes what
// reading the file in full writes.
func TestLoadLazySetSave(t *testing.T) {
	text := gen.Interfaces(2000)
	var saved []string
	for _, lazyMin := range []int{-1, 0} {
		fsys := memRoot(t, map[string]string{"/etc/network/interfaces": text})
		h, err := Open(Options{Fs: fsys, LoadAll: true, NoAutoload: true, Transforms: []string{"Interfaces incl /etc/network/interfaces"}, LazyMin: lazyMin})
		require.NoError(t, err)
		before := lazyNodes(h.filesNode())
		if lazyMin == 0 {
			require.Greater(t, before, 1000, "a large file is read lazily by default")
		}
		require.NoError(t, h.Set("/files/etc/network/interfaces/iface[. = 'eth1000']/mtu", "1400"))
		require.NoError(t, h.Save())
		if lazyMin == 0 {
			assert.Equal(t, before-1, lazyNodes(h.filesNode()), "one stanza read")
		}
		out, err := afero.ReadFile(fsys, "/etc/network/interfaces")
		require.NoError(t, err)
		assert.Equal(t, len(text)+len("   mtu 1400\n"), len(out))
		saved = append(saved, string(out))
	}
	assert.True(t, saved[0] == saved[1], "the same bytes saved")
}

// BenchmarkLazy: load + print and load + set + save of a 10,000-stanza
// interfaces file, read in full (lazy=-1) and lazily (lazy=0, the
// default for files this size).
func BenchmarkLazy(b *testing.B) {
	for _, lazyMin := range []int{-1, 0} {
		fsys, size := ifacesRoot(b, 10000)
		b.Run(fmt.Sprintf("print/lazy=%d", lazyMin), func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				h, err := Open(Options{Fs: fsys, LoadAll: true, NoAutoload: true, Transforms: []string{ifacesXform}, LazyMin: lazyMin})
				if err != nil {
					b.Fatal(err)
				}
				ns, _ := h.MatchNodes("/files")
				if err := tree.Fprint(io.Discard, ns[0], "/files"); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("setsave/lazy=%d", lazyMin), func(b *testing.B) {
			b.SetBytes(size)
			i := 0
			for b.Loop() {
				i++
				h, err := Open(Options{Fs: fsys, LoadAll: true, NoAutoload: true, Transforms: []string{ifacesXform}, LazyMin: lazyMin})
				if err != nil {
					b.Fatal(err)
				}
				if err := h.Set("/files/etc/network/interfaces/iface[. = 'eth5000']/mtu", fmt.Sprint(9000+i%2)); err != nil {
					b.Fatal(err)
				}
				if err := h.Save(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
