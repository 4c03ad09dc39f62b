package lensnet

import (
	"testing"

	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadFileStoreRetrieve(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h := open(t, fsys, SaveOverwrite)
	require.NoError(t, afero.WriteFile(fsys, "/etc/hosts", []byte("10.1.1.1 new\n"), 0o644))
	require.NoError(t, h.LoadFile("/etc/hosts"))
	v, _, _ := h.Get("/files/etc/hosts/1/canonical")
	assert.Equal(t, "new", v)
	m, _ := h.Match("/files/etc/hosts/*")
	assert.Len(t, m, 1, "the file's old tree is replaced")
	assert.ErrorIs(t, h.LoadFile("/etc/motd"), ErrNoLens)

	require.NoError(t, h.Set("/text/in", "10.0.0.1 foo bar\n"))
	require.NoError(t, h.Store("Hosts.lns", "/text/in", "/parsed"))
	v, _, _ = h.Get("/parsed/1/alias")
	assert.Equal(t, "bar", v)
	require.NoError(t, h.Set("/parsed/1/alias[2]", "baz"))
	require.NoError(t, h.Retrieve("Hosts", "/text/in", "/parsed", "/text/out"))
	v, _, _ = h.Get("/text/out")
	assert.Equal(t, "10.0.0.1 foo bar baz\n", v)

	var te *TextError
	err := h.Store("Hosts.lns", "/augeas/root", "/bad")
	require.ErrorAs(t, err, &te)
	errs := h.Errors()
	require.NotEmpty(t, errs)
	last := errs[len(errs)-1]
	assert.Equal(t, "bad", last.Path)
	assert.Equal(t, "parse_failed", last.Kind)
	assert.Equal(t, 1, last.Line)
	assert.ErrorIs(t, h.Store("Nosuch.lns", "/text/in", "/p"), ErrNoLens)
	assert.ErrorIs(t, h.Store("Hosts.lns", "/text/none", "/p"), ErrNoMatch)
}
