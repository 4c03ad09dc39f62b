package lensnet

import (
	"encoding/json"
	"testing"

	"github.com/lensnet/lensnet/tree"
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

// TestSpanJSON: a Span is written as the flat object span --json
// prints, and read back.
func TestSpanJSON(t *testing.T) {
	sp := Span{File: "/etc/hosts", Span: tree.Span{LabelStart: 1, LabelEnd: 2, ValueStart: 3, ValueEnd: 4, Start: 5, End: 6}}
	b, err := json.Marshal(sp)
	require.NoError(t, err)
	assert.Equal(t, `{"file":"/etc/hosts","label_start":1,"label_end":2,"value_start":3,"value_end":4,"span_start":5,"span_end":6}`, string(b))
	var back Span
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, sp, back)
}

// TestSpanSeqLabel: a label made by seq (or label) has no text: its
// range is 0:0.
func TestSpanSeqLabel(t *testing.T) {
	h, err := Open(Options{Fs: memRoot(t, sampleFiles), NoAutoload: true, Span: true, Transforms: []string{"Hosts incl /etc/hosts"}})
	require.NoError(t, err)
	sp, err := h.Span("/files/etc/hosts/2")
	require.NoError(t, err)
	assert.Equal(t, [2]int{0, 0}, [2]int{sp.LabelStart, sp.LabelEnd})
	sp, err = h.Span("/files/etc/hosts/2/ipaddr")
	require.NoError(t, err)
	assert.Equal(t, [2]int{0, 0}, [2]int{sp.LabelStart, sp.LabelEnd}, "store under a fixed key: no label text")
	assert.Equal(t, "192.168.1.10", sampleFiles["/etc/hosts"][sp.ValueStart:sp.ValueEnd])
}
