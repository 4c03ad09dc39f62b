package lensnet

import (
	"crypto/sha256"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lensnet/lensnet/tree"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// diskRoot writes files under a new directory and returns it.
func diskRoot(t *testing.T, fs map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, text := range fs {
		full := filepath.Join(dir, p)
		require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
		require.NoError(t, os.WriteFile(full, []byte(text), 0o644))
	}
	return dir
}

// cachedOpen opens root with onDemandTransforms, the parse cache in
// cache ("" for none), and spans on.
func cachedOpen(t *testing.T, root, cache string, extra ...string) *Handle {
	t.Helper()
	h, err := Open(Options{Root: root, NoAutoload: true, Transforms: append(slicesClone(onDemandTransforms), extra...), CacheDir: cache, Span: true})
	require.NoError(t, err)
	return h
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }

// parsed is how many files the handle read with their lens, not from
// the parse cache.
func parsed(h *Handle) int { return h.parsed }

// spans lists the span of every node under /files.
func spans(t *testing.T, h *Handle) string {
	t.Helper()
	ps, err := h.Match("/files//*")
	require.NoError(t, err)
	var b strings.Builder
	for _, p := range ps {
		sp, err := h.Span(p)
		if err == nil {
			fmt.Fprintf(&b, "%s %+v\n", p, sp)
		}
	}
	return b.String()
}

// readable is how many of onDemandFiles a lens reads: two transforms
// claim /etc/dup, so neither reads it.
const readable = 13

// TestParseCache: a second handle takes every tree and parse error from
// the cache, compiles no lens, and shows what a handle without the cache
// shows: /files, /augeas with its errors and lens infos, spans.
func TestParseCache(t *testing.T) {
	root := diskRoot(t, onDemandFiles)
	cache := t.TempDir()
	want := cachedOpen(t, root, "")
	wantTree, wantSpans := wholeTree(t, want), spans(t, want)

	cold := cachedOpen(t, root, cache)
	assert.Equal(t, wantTree, wholeTree(t, cold), "a cold cache")
	assert.Equal(t, readable, parsed(cold))

	warm := cachedOpen(t, root, cache)
	assert.Equal(t, wantTree, wholeTree(t, warm), "a warm cache")
	assert.Equal(t, wantSpans, spans(t, warm))
	assert.Zero(t, parsed(warm), "every tree and parse failure from the cache")
	assert.Contains(t, wantTree, "/augeas/files/etc/h/a/error/message", "a parse error is part of what is compared")
	assert.Contains(t, wantTree, "/lens/info = ", "and the lens infos")
}

// TestParseCacheChangedFiles: a file whose text changed is read by its
// lens again, even at the same size and mtime; a new file too.
func TestParseCacheChangedFiles(t *testing.T) {
	root := diskRoot(t, onDemandFiles)
	cache := t.TempDir()
	wholeTree(t, cachedOpen(t, root, cache))
	hosts := filepath.Join(root, "etc/hosts")
	st, err := os.Stat(hosts)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(hosts, []byte("127.0.0.9 localhost\n10.0.0.1 a b\n"), 0o644))
	require.NoError(t, os.Chtimes(hosts, st.ModTime(), st.ModTime()))
	require.NoError(t, os.WriteFile(filepath.Join(root, "etc/h/c"), []byte("10.0.0.3 c\n"), 0o644))
	h := cachedOpen(t, root, cache)
	got := wholeTree(t, h)
	assert.Equal(t, wholeTree(t, cachedOpen(t, root, "")), got)
	assert.Contains(t, got, `/files/etc/hosts/1/ipaddr = "127.0.0.9"`)
	assert.Equal(t, 2, parsed(h), "only the changed and the new file")
	assert.Zero(t, parsed(readAll(t, cachedOpen(t, root, cache))), "stored again")
}

func readAll(t *testing.T, h *Handle) *Handle {
	t.Helper()
	h.ReadAll()
	return h
}

// TestParseCacheSave: a file whose tree came from the cache saves as it
// would have: its lens is compiled for the write.
func TestParseCacheSave(t *testing.T) {
	saved := func(cache string) map[string]string {
		root := diskRoot(t, onDemandFiles)
		if cache != "" {
			wholeTree(t, cachedOpen(t, root, cache))
		}
		h := cachedOpen(t, root, cache)
		require.NoError(t, h.Set("/files/etc/hosts/1/ipaddr", "127.0.0.2"))
		require.NoError(t, h.Insert("/files/etc/sv/three/cfg/B", "A", true))
		require.NoError(t, h.Set("/files/etc/sv/three/cfg/A", "0"))
		_, err := h.Remove("/files/etc/resolv.conf")
		require.NoError(t, err)
		require.NoError(t, h.Save())
		out := map[string]string{}
		for p := range onDemandFiles {
			b, err := os.ReadFile(filepath.Join(root, p))
			if err == nil {
				out[p] = string(b)
			}
		}
		return out
	}
	want := saved("")
	assert.Equal(t, want, saved(t.TempDir()))
	assert.Equal(t, "127.0.0.2 localhost\n10.0.0.1 a b\n", want["/etc/hosts"])
}

// TestParseCachePrivateFiles: a file others may not read is never
// stored, and its entry goes when it becomes private.
func TestParseCachePrivateFiles(t *testing.T) {
	root := diskRoot(t, onDemandFiles)
	cache := t.TempDir()
	secret := filepath.Join(root, "etc/h/b")
	require.NoError(t, os.WriteFile(secret, []byte("10.7.7.7 secret\n"), 0o644))
	wholeTree(t, cachedOpen(t, root, cache))
	assert.Contains(t, cacheText(t, cache), "/etc/h/b", "stored while public")
	require.NoError(t, os.Chmod(secret, 0o640))
	h := cachedOpen(t, root, cache)
	assert.Contains(t, wholeTree(t, h), `/files/etc/h/b/1/canonical = "secret"`)
	assert.NotContains(t, cacheText(t, cache), "/etc/h/b", "gone once private")
	assert.Contains(t, cacheText(t, cache), "/etc/hosts")
	h = cachedOpen(t, root, cache)
	wholeTree(t, h)
	assert.Equal(t, 1, parsed(h), "never stored")
}

// cacheText is every parse cache file of dir, concatenated.
func cacheText(t *testing.T, dir string) string {
	t.Helper()
	ms, err := filepath.Glob(filepath.Join(dir, "parse-*"))
	require.NoError(t, err)
	var b strings.Builder
	for _, m := range ms {
		data, err := os.ReadFile(m)
		require.NoError(t, err)
		b.Write(data)
	}
	return b.String()
}

// TestParseCacheUntrusted: damaged cache files, files others may write
// and files of another user are not used; the trees are read again and
// damaged files replaced.
func TestParseCacheUntrusted(t *testing.T) {
	root := diskRoot(t, onDemandFiles)
	cache := t.TempDir()
	want := wholeTree(t, cachedOpen(t, root, cache))
	ms, err := filepath.Glob(filepath.Join(cache, "parse-*"))
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	r := rand.New(rand.NewPCG(5, 6))
	for _, m := range ms {
		b, err := os.ReadFile(m)
		require.NoError(t, err)
		// damage one byte after the header, or cut the file short
		if r.IntN(2) == 0 {
			b = b[:r.IntN(len(b))]
		} else {
			i := len(b) - 1 - r.IntN(len(b)/2)
			b[i] ^= 0xff
		}
		require.NoError(t, os.WriteFile(m, b, 0o600))
	}
	h := cachedOpen(t, root, cache)
	assert.Equal(t, want, wholeTree(t, h), "damaged cache files")
	warm := cachedOpen(t, root, cache)
	assert.Equal(t, want, wholeTree(t, warm))
	assert.Zero(t, parsed(warm), "the damaged files were replaced")

	for _, m := range ms {
		require.NoError(t, os.Chmod(m, 0o666))
	}
	h = cachedOpen(t, root, cache)
	assert.Equal(t, want, wholeTree(t, h))
	assert.Equal(t, readable, parsed(h), "cache files others may write are not read")
}

// TestParseCacheLibraryChanged: a module written since the cache was
// made invalidates it; so does an environment variable the library read
// while compiling, and a library that reads a file is never cached.
func TestParseCacheLibraryChanged(t *testing.T) {
	mods := writeModules(t, map[string]string{
		"envlens.aug": `module Envlens =
  let lns = [ label (Sys.getenv "LENSNET_TEST_LABEL") . store /[a-z]+/ . del /\n/ "\n" ] *
`,
		"filelens.aug": `module Filelens =
  let lns = [ label (Sys.read_file "` + "LABELFILE" + `") . store /[a-z]+/ . del /\n/ "\n" ] *
`,
	})
	labelFile := filepath.Join(t.TempDir(), "label")
	require.NoError(t, os.WriteFile(labelFile, []byte("fromfile"), 0o644))
	fl := filepath.Join(mods, "filelens.aug")
	b, err := os.ReadFile(fl)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(fl, []byte(strings.Replace(string(b), "LABELFILE", labelFile, 1)), 0o644))

	root := diskRoot(t, map[string]string{"/etc/env": "one\n", "/etc/file": "two\n", "/etc/hosts": "127.0.0.1 localhost\n"})
	cache := t.TempDir()
	open := func() *Handle {
		h, err := Open(Options{Root: root, NoAutoload: true, LensPath: []string{mods}, CacheDir: cache,
			Transforms: []string{"Envlens incl /etc/env", "Filelens incl /etc/file", "Hosts incl /etc/hosts"}})
		require.NoError(t, err)
		return h
	}
	t.Setenv("LENSNET_TEST_LABEL", "a")
	v, _, err := open().Get("/files/etc/env/a")
	require.NoError(t, err)
	assert.Equal(t, "one", v)
	assert.Empty(t, cacheText(t, cache), "a library that reads a file is not cached")

	require.NoError(t, os.WriteFile(fl, []byte("module Filelens =\n  let lns = [ label \"fromtext\" . store /[a-z]+/ . del /\\n/ \"\\n\" ] *\n"), 0o644))
	wholeTree(t, open())
	h := open()
	wholeTree(t, h)
	assert.Zero(t, parsed(h), "cached once no module reads a file")

	t.Setenv("LENSNET_TEST_LABEL", "b")
	h = open()
	v, _, err = h.Get("/files/etc/env/b")
	require.NoError(t, err)
	assert.Equal(t, "one", v, "the variable the library read is part of the key")
	assert.Equal(t, 1, parsed(h))

	later := time.Now().Add(time.Minute)
	require.NoError(t, os.Chtimes(filepath.Join(mods, "envlens.aug"), later, later))
	h = open()
	wholeTree(t, h)
	assert.Equal(t, 3, parsed(h), "a module written since")
}

func TestParseCacheCodec(t *testing.T) {
	entries := map[string]packEntry{
		"/etc/a": {sum: sha256.Sum256([]byte("a")), data: []byte{1, 2, 3}},
		"/etc/b": {sum: sha256.Sum256([]byte("b")), failed: true, data: parseFailure{hasPos: true, offset: 4, line: 2, col: 3, lens: "l", msg: "m"}.encode()},
	}
	env := map[string]string{"HOME": "/root"}
	b := encodePack("LIB", "Hosts.lns", "hosts.aug:1.2-3.4", env, entries)
	getenv := func(k string) string { return env[k] }
	f, ok := decodePack(b, "LIB", "Hosts.lns", getenv)
	require.True(t, ok)
	assert.Equal(t, "hosts.aug:1.2-3.4", f.info)
	assert.Equal(t, env, f.env)
	assert.Equal(t, entries, f.entries)
	fl, ok := decodeFailure(f.entries["/etc/b"].data)
	require.True(t, ok)
	assert.Equal(t, parseFailure{hasPos: true, offset: 4, line: 2, col: 3, lens: "l", msg: "m"}, fl)

	_, ok = decodePack(b, "OTHER", "Hosts.lns", getenv)
	assert.False(t, ok, "another library")
	_, ok = decodePack(b, "LIB", "Resolv.lns", getenv)
	assert.False(t, ok, "another lens")
	_, ok = decodePack(b, "LIB", "Hosts.lns", func(string) string { return "/home/x" })
	assert.False(t, ok, "another environment")
	for i := range len(b) {
		_, ok = decodePack(b[:i], "LIB", "Hosts.lns", getenv)
		assert.False(t, ok, "cut at %d", i)
	}
	env2 := maps.Clone(env)
	env2["X"] = "y"
	assert.NotEqual(t, b, encodePack("LIB", "Hosts.lns", "hosts.aug:1.2-3.4", env2, entries))
}

func FuzzParsePack(f *testing.F) {
	f.Add(encodePack("LIB", "L", "info", map[string]string{"K": "V"}, map[string]packEntry{"/p": {data: []byte("x")}}))
	f.Add([]byte("lensnet parse 1\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fl, ok := decodePack(b, "LIB", "L", func(string) string { return "V" })
		if !ok {
			return
		}
		again := encodePack("LIB", "L", fl.info, fl.env, fl.entries)
		g, ok := decodePack(again, "LIB", "L", func(string) string { return "V" })
		require.True(t, ok)
		assert.Equal(t, fl, g)
		for _, e := range fl.entries {
			if e.failed {
				decodeFailure(e.data) // never panics
			}
		}
	})
}

// TestParseCacheSweep: a pack in use gets its time renewed; one unused
// for packMaxAge goes when another pack is written.
func TestParseCacheSweep(t *testing.T) {
	root := diskRoot(t, onDemandFiles)
	cache := t.TempDir()
	wholeTree(t, cachedOpen(t, root, cache))
	ms, err := filepath.Glob(filepath.Join(cache, "parse-*"))
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	old := time.Now().Add(-packMaxAge - time.Hour)
	for _, m := range ms {
		require.NoError(t, os.Chtimes(m, old, old))
	}
	// the first run swept already: the next sweep is a day later
	require.NoError(t, os.Chtimes(filepath.Join(cache, sweepMark), old, old))
	gone := filepath.Join(cache, "parse-0123456789abcdef01234567")
	require.NoError(t, os.WriteFile(gone, []byte("lensnet parse 1\n"), 0o600))
	require.NoError(t, os.Chtimes(gone, old, old))
	// a read renews every pack it uses; a changed file makes a write
	require.NoError(t, os.WriteFile(filepath.Join(root, "etc/hosts"), []byte("127.0.0.3 h\n"), 0o644))
	h := cachedOpen(t, root, cache)
	wholeTree(t, h)
	assert.Equal(t, 1, parsed(h))
	assert.NoFileExists(t, gone, "unused for too long")
	for _, m := range ms {
		st, err := os.Stat(m)
		require.NoError(t, err, "a pack in use stays")
		assert.WithinDuration(t, time.Now(), st.ModTime(), time.Hour)
	}
	// the sweep runs once a day: a pack aged again stays for now
	require.NoError(t, os.WriteFile(gone, nil, 0o600))
	require.NoError(t, os.Chtimes(gone, old, old))
	require.NoError(t, os.WriteFile(filepath.Join(root, "etc/hosts"), []byte("127.0.0.4 h\n"), 0o644))
	wholeTree(t, cachedOpen(t, root, cache))
	assert.FileExists(t, gone)
}

// TestParseCacheTypeCheck: a lens that compiles but fails its type
// check reads files from a run without the check; a run with it still
// reports the failure and reads none.
func TestParseCacheTypeCheck(t *testing.T) {
	mods := writeModules(t, map[string]string{"amb.aug": `module Amb =
  autoload xfm
  let lns = [ label "x" . store /a*/ ] . [ label "y" . store /a*/ ] . del /\n/ "\n"
  let xfm = transform lns (incl "/etc/amb")
`})
	root := diskRoot(t, map[string]string{"/etc/amb": "aa\n"})
	cache := t.TempDir()
	open := func(check bool) *Handle {
		// autoloaded: the lens is compiled when a file needs it, so
		// not at all when the cache holds its files
		h, err := Open(Options{Root: root, LensPath: []string{mods}, CacheDir: cache, TypeCheck: check})
		require.NoError(t, err)
		return h
	}
	for range 2 {
		ms, err := open(false).Match("/files/etc/amb/x")
		require.NoError(t, err)
		assert.Len(t, ms, 1, "read without the type check")
	}
	h := open(true)
	ms, err := h.Match("/files/etc/amb/x")
	require.NoError(t, err)
	assert.Empty(t, ms, "the type check fails the lens")
	require.NotEmpty(t, h.Errors())
	assert.Equal(t, "Amb", h.Errors()[0].Path)
	assert.Contains(t, h.Errors()[0].Msg, "ambiguous concatenation")
}

// TestParseCacheFlush: files read lazily are stored by Flush once read
// in full and unchanged, and then read from the cache as any other.
func TestParseCacheFlush(t *testing.T) {
	files := map[string]string{
		"/etc/network/interfaces": "auto lo\niface lo inet loopback\n\niface eth0 inet dhcp\n  mtu 1500\n",
		"/etc/hosts":              "127.0.0.1 localhost\n10.0.0.1 a b\n",
		"/etc/bad":                "garbage!\n",
	}
	xfs := []string{"Interfaces incl /etc/network/interfaces", "Hosts incl /etc/hosts", "Hosts incl /etc/bad"}
	root := diskRoot(t, files)
	open := func(cache string) *Handle {
		h, err := Open(Options{Root: root, NoAutoload: true, Transforms: xfs, CacheDir: cache, Span: true, LazyMin: 1})
		require.NoError(t, err)
		return h
	}
	want := open("")
	wantTree, wantSpans := wholeTree(t, want), spans(t, want)

	// read in part: not stored
	cache := t.TempDir()
	h := open(cache)
	v, _, err := h.Get("/files/etc/network/interfaces/iface[1]/method")
	require.NoError(t, err)
	assert.Equal(t, "loopback", v)
	ns, err := h.MatchNodes("/files/etc/network/interfaces/iface[2]")
	require.NoError(t, err)
	require.True(t, tree.IsLazy(ns[0]), "the second stanza is not read yet")
	h.Flush()
	assert.NotContains(t, cacheText(t, cache), "/etc/network/interfaces", "not stored while read in part")
	h = open(cache)
	wholeTree(t, h)
	assert.Equal(t, 3, parsed(h))

	// read in full, then one file changed: the others are stored
	h.Flush()
	require.NoError(t, h.Set("/files/etc/hosts/1/ipaddr", "127.0.0.5"))
	h.Flush()
	h = open(cache)
	assert.Equal(t, wantTree, wholeTree(t, h))
	assert.Equal(t, wantSpans, spans(t, h))
	assert.Zero(t, parsed(h), "stored: the changed file had been stored before its change")

	cache = t.TempDir()
	h = open(cache)
	wholeTree(t, h)
	require.NoError(t, h.Set("/files/etc/hosts/1/ipaddr", "127.0.0.5"))
	h.Flush()
	h = open(cache)
	assert.Equal(t, wantTree, wholeTree(t, h))
	assert.Equal(t, 1, parsed(h), "a changed tree is not stored")
}
