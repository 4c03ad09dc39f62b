package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCacheDir: the autoload cache goes under $XDG_CACHE_HOME/lensnet
// by default, where $LENSNET_CACHE says, or nowhere with "off"; the
// output is the same every way.
func TestCacheDir(t *testing.T) {
	root := copyTree(t, "../../fixtures/debian")
	args := []string{"-r", root, "get", "/files/etc/hosts/1/ipaddr"}
	outputOf := func() string {
		var out, errb bytes.Buffer
		require.Equal(t, 0, run(args, strings.NewReader(""), &out, &errb), errb.String())
		return out.String()
	}
	caches := func(dir string) []string {
		ms, err := filepath.Glob(filepath.Join(dir, "autoload-*"))
		require.NoError(t, err)
		return ms
	}

	xdg := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", xdg)
	t.Setenv("LENSNET_CACHE", "") // restored at the end
	require.NoError(t, os.Unsetenv("LENSNET_CACHE"))
	want := outputOf()
	assert.Len(t, caches(filepath.Join(xdg, "lensnet")), 1, "the user's cache directory")
	assert.Equal(t, want, outputOf(), "from the cache")

	own := t.TempDir()
	t.Setenv("LENSNET_CACHE", own)
	assert.Equal(t, want, outputOf())
	assert.Len(t, caches(own), 1, "LENSNET_CACHE")

	off := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", off)
	t.Setenv("LENSNET_CACHE", "off")
	assert.Equal(t, want, outputOf())
	entries, err := os.ReadDir(off)
	require.NoError(t, err)
	assert.Empty(t, entries, "no cache with LENSNET_CACHE=off")
}
