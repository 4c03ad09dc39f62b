package lensnet

import (
	"fmt"
	"testing"

	"github.com/lensnet/lensnet/tree"
	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPathCache: a path string used again is not parsed again, the
// cache keeps the last pathCacheSize strings and no more than twice
// that, and what a cached path selects still follows the context and
// the variables.
func TestPathCache(t *testing.T) {
	h := open(t, memRoot(t, sampleFiles), SaveOverwrite)
	px, err := h.parse("/files/etc/hosts/1/ipaddr")
	require.NoError(t, err)
	again, err := h.parse("/files/etc/hosts/1/ipaddr")
	require.NoError(t, err)
	assert.Same(t, px, again, "parsed once")
	_, err = h.parse("/files/etc/hosts[")
	assert.Error(t, err, "a bad path is an error every time")

	kept := map[string]*tree.Path{}
	for i := range 5 * pathCacheSize {
		s := fmt.Sprintf("/files/etc/hosts/%d", i)
		kept[s], err = h.parse(s)
		require.NoError(t, err)
		assert.LessOrEqual(t, len(h.paths.cur)+len(h.paths.old), 2*pathCacheSize, "bounded")
	}
	for i := 4 * pathCacheSize; i < 5*pathCacheSize; i++ {
		s := fmt.Sprintf("/files/etc/hosts/%d", i)
		px, err := h.parse(s)
		require.NoError(t, err)
		assert.Same(t, kept[s], px, "the last %d strings are kept", pathCacheSize)
	}

	// the parse is cached, not what it selects
	for _, c := range []struct{ context, want string }{
		{"/files/etc/hosts/1", "127.0.0.1"},
		{"/files/etc/hosts/2", "192.168.1.10"},
	} {
		h.SetContext(c.context)
		v, _, err := h.Get("ipaddr")
		require.NoError(t, err)
		assert.Equal(t, c.want, v, "a relative path follows /augeas/context")
	}
	h.SetContext("/files")
	for _, c := range []struct{ expr, want string }{
		{"/files/etc/hosts/1", "127.0.0.1"},
		{"/files/etc/hosts/2", "192.168.1.10"},
	} {
		_, err := h.DefineVariable("h", c.expr)
		require.NoError(t, err)
		v, _, err := h.Get("$h/ipaddr")
		require.NoError(t, err)
		assert.Equal(t, c.want, v, "a variable is read when the path is evaluated")
	}
}

// TestCompiledPathVerbs: GetPath, MatchPath and SetPath do what Get,
// Match and Set do with the path's string, errors included.
func TestCompiledPathVerbs(t *testing.T) {
	h := open(t, memRoot(t, sampleFiles), SaveOverwrite)
	for _, s := range []string{"/files/etc/hosts/2/canonical", "/files/etc/hosts/1", "/files/etc/hosts/*", "/files/etc/nothing", "etc/hosts/1/ipaddr"} {
		px := tree.MustParsePath(s)
		v, ok, err := h.Get(s)
		pv, pok, perr := h.GetPath(px)
		assert.Equal(t, v, pv, s)
		assert.Equal(t, ok, pok, s)
		assert.Equal(t, fmt.Sprint(err), fmt.Sprint(perr), s)
		m, err := h.Match(s)
		pm, perr := h.MatchPath(px)
		assert.Equal(t, m, pm, s)
		assert.Equal(t, fmt.Sprint(err), fmt.Sprint(perr), s)
	}
	_, _, err := h.GetPath(tree.MustParsePath("/files/etc/hosts/*"))
	assert.ErrorIs(t, err, ErrManyMatches)
	assert.EqualError(t, err, "/files/etc/hosts/*: "+ErrManyMatches.Error())

	mtu := tree.MustParsePath("/files/etc/sysconfig/network-scripts/ifcfg-eth0/MTU")
	require.NoError(t, h.SetPath(mtu, "9000"), "made when missing")
	require.NoError(t, h.SetPath(mtu, "1500"))
	v, _, err := h.GetPath(mtu)
	require.NoError(t, err)
	assert.Equal(t, "1500", v)
	assert.ErrorIs(t, h.SetPath(tree.MustParsePath("/files/etc/hosts/*/ipaddr"), "x"), ErrManyMatches)
	h.SetContext("/files/none")
	require.NoError(t, h.SetPath(tree.MustParsePath("x"), "1"))
	v, _, _ = h.Get("/files/none/x")
	assert.Equal(t, "1", v, "a relative path under a context that names no node makes it, as Set")
}

// BenchmarkGet reads one value in a loop, the path given as the same
// string every time (parsed once, then from the handle's cache), as a
// compiled path, and parsed at every call (what Get did before the
// cache).
func BenchmarkGet(b *testing.B) {
	fsys := afero.NewMemMapFs()
	for p, text := range sampleFiles {
		if err := afero.WriteFile(fsys, p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	h, err := Open(Options{Fs: fsys, NoAutoload: true, Transforms: []string{"Hosts incl /etc/hosts"}})
	if err != nil {
		b.Fatal(err)
	}
	const p = "/files/etc/hosts/*[canonical = 'host1']/ipaddr"
	b.Run("string", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := h.Get(p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("compiled", func(b *testing.B) {
		px := tree.MustParsePath(p)
		for b.Loop() {
			if _, _, err := h.GetPath(px); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parse-every-time", func(b *testing.B) {
		for b.Loop() {
			px, err := tree.ParsePath(p)
			if err != nil {
				b.Fatal(err)
			}
			if _, _, err := h.GetPath(px); err != nil {
				b.Fatal(err)
			}
		}
	})
}
