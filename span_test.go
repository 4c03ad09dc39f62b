package lensnet

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSpan(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	_, err := open(t, fsys, SaveOverwrite).Span("/files/etc/hosts/1")
	assert.ErrorIs(t, err, ErrSpanDisabled)

	h, err := Open(Options{Fs: fsys, NoAutoload: true, Span: true, Transforms: []string{"Hosts incl /etc/hosts"}})
	require.NoError(t, err)
	text := sampleFiles["/etc/hosts"]
	sp, err := h.Span("/files/etc/hosts/2/canonical")
	require.NoError(t, err)
	assert.Equal(t, "host1", text[sp.ValueStart:sp.ValueEnd])
	assert.Equal(t, "/etc/hosts", sp.File)
	sp, err = h.Span("/files/etc/hosts/2")
	require.NoError(t, err)
	assert.Equal(t, "192.168.1.10 host1  # primary\n", text[sp.Start:sp.End])
	sp, err = h.Span("/files/etc/hosts")
	require.NoError(t, err)
	assert.Equal(t, len(text), sp.End)
	_, err = h.Span("/files/etc")
	assert.ErrorIs(t, err, ErrNoSpan)
	require.NoError(t, h.Set("/files/etc/hosts/2/alias", "h1"))
	_, err = h.Span("/files/etc/hosts/2/alias")
	assert.ErrorIs(t, err, ErrNoSpan, "a node made by an edit has no span")
}
