package lensnet

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lensnet/lensnet/lens/lang"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cacheModules are a small lens library: plain filters, one that reads
// $LENSNET_TEST_DIR, and one module without autoload.
var cacheModules = map[string]string{
	"foo.aug": `module Foo =
  autoload xfm
  let lns = [ key /[a-z]+/ . del /\n/ "\n" ] *
  let filter = incl "/etc/foo" . incl "/etc/foo.d/*" . excl "*.bak"
  let xfm = transform lns filter
`,
	"bar.aug": `module Bar =
  autoload xfm
  let lns = [ key /[a-z]+/ . del /\n/ "\n" ] *
  let xfm = transform lns (incl (Sys.getenv "LENSNET_TEST_DIR" . "/bar"))
`,
	"quiet.aug": `module Quiet =
  let lns = [ key /[a-z]+/ . del /\n/ "\n" ] *
`,
}

func writeModules(t *testing.T, mods map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range mods {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	return dir
}

// loadTree is /augeas/load as print shows it.
func loadTree(t *testing.T, h *Handle) string {
	t.Helper()
	ps, err := h.Match("/augeas/load//*")
	require.NoError(t, err)
	var b strings.Builder
	for _, p := range ps {
		v, _, err := h.Get(p)
		require.NoError(t, err)
		fmt.Fprintf(&b, "%s = %q\n", p, v)
	}
	return b.String()
}

// cacheFile is the one cache file in dir.
func cacheFile(t *testing.T, dir string) string {
	t.Helper()
	ms, err := filepath.Glob(filepath.Join(dir, "autoload-*"))
	require.NoError(t, err)
	require.Len(t, ms, 1)
	return ms[0]
}

// TestAutoloadCache: a second Open takes the filters from the cache; a
// module's new text, an environment variable a filter reads, a cache
// file cut short or of another version make it compute them again; a
// module touched without change keeps the cache and refreshes its stat
// key.
func TestAutoloadCache(t *testing.T) {
	t.Setenv("LENSNET_TEST_DIR", "/srv")
	lib := writeModules(t, cacheModules)
	cache := t.TempDir()
	open := func(cacheDir string) *Handle {
		h, err := Open(Options{Fs: memRoot(t, nil), LensPath: []string{lib}, NoStdInc: true, NoLoad: true, CacheDir: cacheDir})
		require.NoError(t, err)
		return h
	}
	want := loadTree(t, open(""))
	assert.Contains(t, want, `/augeas/load/Bar/incl = "/srv/bar"`)
	assert.Contains(t, want, `/augeas/load/Foo/excl = "*.bak"`)
	assert.NotContains(t, want, "Quiet")

	assert.Equal(t, want, loadTree(t, open(cache)), "first open, filling the cache")
	file := cacheFile(t, cache)
	text, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Contains(t, string(text), `env "LENSNET_TEST_DIR" "/srv"`)

	// the cache is read: a filter planted in it shows
	planted := strings.Replace(string(text), `incl "/etc/foo"`, `incl "/etc/planted"`, 1)
	require.NoError(t, os.WriteFile(file, []byte(planted), 0o644))
	assert.Contains(t, loadTree(t, open(cache)), "/etc/planted")

	// touched, same text: the content key matches, the stat key is renewed
	later := time.Now().Add(time.Hour)
	require.NoError(t, os.Chtimes(filepath.Join(lib, "foo.aug"), later, later))
	assert.Contains(t, loadTree(t, open(cache)), "/etc/planted")
	renewed, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.NotEqual(t, planted, string(renewed), "the stat key is renewed")
	assert.Contains(t, string(renewed), "/etc/planted")

	// a new text: computed again
	require.NoError(t, os.WriteFile(filepath.Join(lib, "foo.aug"),
		[]byte(strings.Replace(cacheModules["foo.aug"], `"/etc/foo"`, `"/etc/foo2"`, 1)), 0o644))
	got := loadTree(t, open(cache))
	assert.Contains(t, got, "/etc/foo2")
	assert.NotContains(t, got, "/etc/planted")

	// another value of a variable a filter read: computed again
	t.Setenv("LENSNET_TEST_DIR", "/home")
	assert.Contains(t, loadTree(t, open(cache)), `/augeas/load/Bar/incl = "/home/bar"`)

	// a module added: computed again
	require.NoError(t, os.WriteFile(filepath.Join(lib, "baz.aug"),
		[]byte(strings.NewReplacer("Foo", "Baz", "/etc/foo", "/etc/baz").Replace(cacheModules["foo.aug"])), 0o644))
	assert.Contains(t, loadTree(t, open(cache)), "/augeas/load/Baz")

	// damaged cache files are computed again and replaced
	want = loadTree(t, open(""))
	for _, bad := range []string{"", "garbage", "lensnet autoload 0\n", string(renewed[:len(renewed)/2])} {
		require.NoError(t, os.WriteFile(file, []byte(bad), 0o644))
		assert.Equal(t, want, loadTree(t, open(cache)), "cache file %.20q", bad)
		fixed, err := os.ReadFile(file)
		require.NoError(t, err)
		_, ok := decodeAutoload(fixed)
		assert.True(t, ok, "replaced")
	}

	// a cache directory that cannot be made is no error
	blocker := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(blocker, nil, 0o644))
	assert.Equal(t, want, loadTree(t, open(filepath.Join(blocker, "cache"))))
}

// TestAutoloadCacheReadFile: a filter that reads a file is not cached.
func TestAutoloadCacheReadFile(t *testing.T) {
	src := filepath.Join(t.TempDir(), "where")
	require.NoError(t, os.WriteFile(src, []byte("/etc/x"), 0o644))
	lib := writeModules(t, map[string]string{"rf.aug": `module Rf =
  autoload xfm
  let lns = [ key /[a-z]+/ . del /\n/ "\n" ] *
  let xfm = transform lns (incl (Sys.read_file "` + src + `"))
`})
	cache := t.TempDir()
	h, err := Open(Options{Fs: memRoot(t, nil), LensPath: []string{lib}, NoStdInc: true, NoLoad: true, CacheDir: cache})
	require.NoError(t, err)
	assert.Contains(t, loadTree(t, h), `/augeas/load/Rf/incl = "/etc/x"`)
	ms, _ := filepath.Glob(filepath.Join(cache, "autoload-*"))
	assert.Empty(t, ms)
}

// TestAutoloadCacheCodec: decoding what encode wrote gives the same
// file, for random filters and environments; any cut short is refused.
func TestAutoloadCacheCodec(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	word := func() string {
		const chars = "ab/*? \"\\\n\t.é"
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteByte(chars[rng.IntN(len(chars))])
		}
		return b.String()
	}
	for range 500 {
		f := autoloadCacheFile{Stat: "s1", Content: "c2", Env: map[string]string{}}
		for range rng.IntN(3) {
			f.Env[word()] = word()
		}
		for range rng.IntN(5) {
			m := autoloadEntry{Module: word()}
			for range 1 + rng.IntN(4) {
				m.Filter = append(m.Filter, lang.Glob{Include: rng.IntN(2) == 0, Pattern: word()})
			}
			f.Modules = append(f.Modules, m)
		}
		b := f.encode()
		got, ok := decodeAutoload(b)
		require.True(t, ok, "%q", b)
		assert.Equal(t, f, got)
		cut := rng.IntN(len(b) - 1) // all but "end\n" or its last letters
		if _, ok := decodeAutoload(b[:cut]); ok {
			t.Fatalf("a file cut at %d of %d was taken: %q", cut, len(b), b[:cut])
		}
	}
}

// FuzzAutoloadCache: no input makes decoding panic, and what it takes
// encodes back to something it takes the same way.
func FuzzAutoloadCache(f *testing.F) {
	f.Add([]byte("lensnet autoload 3\nstat a\ncontent b\nenv \"H\" \"/r\"\nmodule \"M\"\nincl \"/x\"\nexcl \"*~\"\nend\n"))
	f.Add([]byte("lensnet autoload 3\nstat a\ncontent b\nend\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, ok := decodeAutoload(b)
		if !ok {
			return
		}
		again, ok := decodeAutoload(got.encode())
		require.True(t, ok)
		assert.Equal(t, got, again)
	})
}

// TestAutoloadOrder: transforms come in the order augtool loads the
// modules: the directory's own listing order, each module after the
// modules it imports; the cache keeps that order.
func TestAutoloadOrder(t *testing.T) {
	mod := func(name, imports string) string {
		return "module " + name + " =\n  autoload xfm\n  let lns = [ key /[a-z]+/ . del /\\n/ \"\\n\" ] *" + imports +
			"\n  let xfm = transform lns (incl \"/etc/" + strings.ToLower(name) + "\")\n"
	}
	lib := writeModules(t, map[string]string{
		"aaa.aug": mod("Aaa", " . Zzz.lns"),
		"mmm.aug": mod("Mmm", ""),
		"zzz.aug": mod("Zzz", " . Mmm.lns"),
		"bbb.aug": mod("Bbb", " . Aaa.lns"),
	})
	var listed []string
	for _, m := range moduleNames(lang.OSDir(lib)) {
		listed = append(listed, strings.TrimSuffix(m, ".aug"))
	}
	// what augtool would give for this listing
	var want []string
	added := map[string]bool{}
	deps := map[string][]string{"aaa": {"zzz"}, "zzz": {"mmm"}, "bbb": {"aaa"}}
	var visit func(string)
	visit = func(n string) {
		if added[n] {
			return
		}
		added[n] = true
		for _, d := range deps[n] {
			visit(d)
		}
		want = append(want, strings.ToUpper(n[:1])+n[1:])
	}
	for _, n := range listed {
		visit(n)
	}
	order := func(cache string) []string {
		h, err := Open(Options{Fs: memRoot(t, nil), LensPath: []string{lib}, NoStdInc: true, NoLoad: true, CacheDir: cache})
		require.NoError(t, err)
		ms, err := h.Match("/augeas/load/*")
		require.NoError(t, err)
		for i, m := range ms {
			ms[i] = strings.TrimPrefix(m, "/augeas/load/")
		}
		return ms
	}
	cache := t.TempDir()
	assert.Equal(t, want, order(""), "listing %v", listed)
	assert.Equal(t, want, order(cache))
	assert.Equal(t, want, order(cache), "from the cache")
}

// TestAutoloadCacheNotOwn: a cache file others may write is not read,
// and is replaced by one of this user's own.
func TestAutoloadCacheNotOwn(t *testing.T) {
	lib := writeModules(t, cacheModules)
	cache := t.TempDir()
	open := func() string {
		h, err := Open(Options{Fs: memRoot(t, nil), LensPath: []string{lib}, NoStdInc: true, NoLoad: true, CacheDir: cache})
		require.NoError(t, err)
		return loadTree(t, h)
	}
	open()
	file := cacheFile(t, cache)
	text, err := os.ReadFile(file)
	require.NoError(t, err)
	planted := strings.Replace(string(text), `incl "/etc/foo"`, `incl "/etc/planted"`, 1)
	require.NoError(t, os.WriteFile(file, []byte(planted), 0o666))
	require.NoError(t, os.Chmod(file, 0o666))
	assert.NotContains(t, open(), "/etc/planted", "a file others may write")
	st, err := os.Stat(file)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "replaced")
}

// TestAutoloadCacheStale: writing the cache removes temporary files a
// dead process left more than an hour ago, and no others.
func TestAutoloadCacheStale(t *testing.T) {
	lib := writeModules(t, cacheModules)
	cache := t.TempDir()
	old, fresh := filepath.Join(cache, ".autoload-1"), filepath.Join(cache, ".autoload-2")
	for _, f := range []string{old, fresh} {
		require.NoError(t, os.WriteFile(f, []byte("half"), 0o600))
	}
	long := time.Now().Add(-2 * time.Hour)
	require.NoError(t, os.Chtimes(old, long, long))
	_, err := Open(Options{Fs: memRoot(t, nil), LensPath: []string{lib}, NoStdInc: true, NoLoad: true, CacheDir: cache})
	require.NoError(t, err)
	assert.NoFileExists(t, old)
	assert.FileExists(t, fresh)
	cacheFile(t, cache)
}
