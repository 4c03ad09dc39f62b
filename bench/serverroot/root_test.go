package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lensnet/lensnet"
	"github.com/lensnet/lensnet/internal/gen"
	"github.com/lensnet/lensnet/lens/lang"
	"github.com/lensnet/lensnet/tree"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readTree returns the files under dir by their path in the root.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		require.True(t, d.Type().IsRegular(), "%s is not a regular file", p)
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out["/"+filepath.ToSlash(rel)] = string(b)
		return err
	}))
	return out
}

func TestFixtureRoot(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "root")
	var log bytes.Buffer
	sum, err := generate(&config{out: dir, lensDir: "testdata/lenses", ifaces: 2, log: &log, verbose: true})
	require.NoError(t, err)
	// Kv's test texts in order, without the one expecting an error,
	// another lens's, the put test's, the one Kv does not read and
	// the repeat; /etc/kv.d/*.conf is Other's too, so nothing goes
	// there; the generated files (hosts, ifcfg...) no lens here claims.
	assert.Equal(t, map[string]string{
		"/etc/kv.conf":      "x=1\n",
		"/etc/kv0/main":     "a=1\nb=2\n",
		"/etc/other.conf":   "a\nb\n",
		"/etc/kv.d/sample1": "c\n",
	}, readTree(t, dir))
	assert.Equal(t, &summary{files: 4, modules: 2}, sum)
	assert.Equal(t, "/etc/kv.conf\tKv\n/etc/kv.d/sample1\tOther\n/etc/kv0/main\tKv\n/etc/other.conf\tOther\n", log.String())
}

func TestNoFileStillMakesTheRoot(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "root")
	sum, err := generate(&config{out: dir, lensDir: t.TempDir(), log: io.Discard})
	require.NoError(t, err)
	assert.Equal(t, &summary{}, sum)
	assert.DirExists(t, dir)
}

func TestRootMustBeEmpty(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "x"), nil, 0o644))
	_, err := generate(&config{out: dir, lensDir: "testdata/lenses", log: io.Discard})
	assert.ErrorContains(t, err, "is not empty")
}

// TestLibraryRoot generates the root from Augeas's lens library and
// checks that lensnet and, where installed, augtool load every file
// of it alike and without error.
func TestLibraryRoot(t *testing.T) {
	if _, err := os.Stat(filepath.Join(lang.SystemDistDir, "tests", "test_hosts.aug")); err != nil {
		t.Skipf("needs Augeas's lens library with its tests (Debian package augeas-lenses): %v", err)
	}
	dir := filepath.Join(t.TempDir(), "root")
	const ifaces = 200
	sum, err := generate(&config{out: dir, lensDir: lang.SystemDistDir, ifaces: ifaces, log: io.Discard})
	require.NoError(t, err)
	files := readTree(t, dir)
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range files {
			if !yield(k) {
				return
			}
		}
	})

	t.Run("large", func(t *testing.T) {
		assert.Empty(t, sum.dropped, "every sample a lens reads should load as a file")
		assert.Equal(t, len(files), sum.files)
		assert.GreaterOrEqual(t, sum.files, 150)
		assert.GreaterOrEqual(t, sum.modules, 40)
		assert.Equal(t, gen.Interfaces(ifaces), files["/etc/network/interfaces"])
		assert.Contains(t, files, "/etc/hosts")
		n := 0
		for _, name := range names {
			if strings.HasPrefix(name, "/etc/sysconfig/network-scripts/ifcfg-") {
				n++
			}
		}
		assert.GreaterOrEqual(t, n, ifaces)
	})

	t.Run("deterministic", func(t *testing.T) {
		again := filepath.Join(t.TempDir(), "root")
		_, err := generate(&config{out: again, lensDir: lang.SystemDistDir, ifaces: ifaces, log: io.Discard})
		require.NoError(t, err)
		assert.Equal(t, files, readTree(t, again))
	})

	h, err := lensnet.Open(lensnet.Options{Root: dir})
	require.NoError(t, err)
	t.Run("lensnet loads every file", func(t *testing.T) {
		errs, err := h.Match("/augeas//error")
		require.NoError(t, err)
		assert.Empty(t, errs)
		assert.Equal(t, names, loadedFiles(t, h))
	})

	augtool, err := exec.LookPath("augtool")
	if err != nil {
		t.Log("augtool is not on PATH (Debian package augeas-tools): no comparison with it")
		return
	}
	t.Run("augtool loads the same files", func(t *testing.T) {
		cmd := exec.Command(augtool, "-r", dir)
		cmd.Stdin = strings.NewReader("print /augeas//error\nmatch /augeas/files//path\n")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
		var got []string
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			assert.NotContains(t, line, "/error", "augtool reports an error")
			if _, file, ok := strings.Cut(line, " = /files"); ok {
				got = append(got, file)
			}
		}
		slices.Sort(got)
		assert.Equal(t, names, got)
	})

	t.Run("augtool reads the same trees", func(t *testing.T) {
		out, err := exec.Command(augtool, "-r", dir, "print", "/files").Output()
		require.NoError(t, err)
		nodes, err := h.MatchNodes("/files")
		require.NoError(t, err)
		var ours bytes.Buffer
		require.NoError(t, tree.Fprint(&ours, nodes[0], "/files"))
		want, got := byFile(string(out), files), byFile(ours.String(), files)
		for _, name := range names {
			assert.NotEmpty(t, want[name], "augtool prints no %s", name)
			assert.Equal(t, want[name], got[name], "the tree of %s", name)
		}
		// and the whole of it, the order of the files included
		assert.Equal(t, string(out), ours.String(), "print /files")
	})
}

// loadedFiles returns the files h loaded, from /augeas/files, sorted.
func loadedFiles(t *testing.T, h *lensnet.Handle) []string {
	paths, err := h.Match("/augeas/files//path")
	require.NoError(t, err)
	var out []string
	for _, p := range paths {
		v, _, err := h.Get(p)
		require.NoError(t, err)
		out = append(out, strings.TrimPrefix(v, "/files"))
	}
	slices.Sort(out)
	return out
}

// byFile splits print output into the lines of each file, in order;
// lines above the files (their folders) are dropped.
func byFile(print string, files map[string]string) map[string]string {
	out := map[string]string{}
	for _, line := range strings.SplitAfter(print, "\n") {
		p, _, _ := strings.Cut(strings.TrimSuffix(line, "\n"), " = ")
		p = strings.TrimPrefix(p, "/files")
		for ; p != ""; p = p[:strings.LastIndexByte(p, '/')] {
			if _, ok := files[p]; ok {
				out[p] += line
				break
			}
		}
	}
	return out
}
