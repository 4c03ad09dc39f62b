package lensnet

import (
	"testing"

	"github.com/lensnet/lensnet/internal/gen"
	"github.com/lensnet/lensnet/tree"
	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestModifiedSinceLoad: modified() is true for what changed since the
// load or the last save, and for the file's node, as in augtool.
func TestModifiedSinceLoad(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h := open(t, fsys, SaveOverwrite)
	m, err := h.Match("/files//*[modified()]")
	require.NoError(t, err)
	assert.Empty(t, m, "nothing is modified after a load")

	require.NoError(t, h.Set("/files/etc/hosts/2/canonical", "other"))
	m, err = h.Match("/files//*[modified()]")
	require.NoError(t, err)
	assert.Equal(t, []string{"/files/etc/hosts", "/files/etc/hosts/2/canonical"}, m)

	require.NoError(t, h.Save())
	m, err = h.Match("/files//*[modified()]")
	require.NoError(t, err)
	assert.Empty(t, m, "a save clears the marks of the files it wrote")

	n, err := h.Remove("/files/etc/hosts/1/canonical")
	require.NoError(t, err)
	require.Equal(t, 1, n)
	m, err = h.Match("/files//*[modified()]")
	require.NoError(t, err)
	assert.Equal(t, []string{"/files/etc/hosts", "/files/etc/hosts/1"}, m)

	require.NoError(t, h.Load())
	m, err = h.Match("/files//*[modified()]")
	require.NoError(t, err)
	assert.Empty(t, m, "a load starts afresh")
}

// TestSaveWritesOnlyTheChange: saves of a large file after small edits,
// one after another (the later ones no longer have the spans of the
// text on disk), give the text Put gives for the whole tree.
func TestSaveWritesOnlyTheChange(t *testing.T) {
	text := gen.Interfaces(200)
	fsys := afero.NewMemMapFs()
	require.NoError(t, afero.WriteFile(fsys, ifacesFile, []byte(text), 0o644))
	h, err := Open(Options{Fs: fsys, LoadAll: true, NoAutoload: true, Transforms: []string{ifacesXform}})
	require.NoError(t, err)
	rec := h.files[ifacesFile]
	require.NotNil(t, rec)

	steps := []func(){
		func() { require.NoError(t, h.Set("/files/etc/network/interfaces/iface[. = 'eth100']/mtu", "9000")) },
		func() {
			require.NoError(t, h.Set("/files/etc/network/interfaces/iface[. = 'eth5']/address", "10.9.9.9"))
		},
		func() {
			_, err := h.Remove("/files/etc/network/interfaces/mapping[1]")
			require.NoError(t, err)
		},
	}
	for i, step := range steps {
		step()
		// what a full put of the tree writes
		node := rec.node
		want, err := rec.lens.Put(node, rec.text)
		require.NoError(t, err)
		require.NoError(t, h.Save(), "step %d", i)
		b, err := afero.ReadFile(fsys, ifacesFile)
		require.NoError(t, err)
		assert.Equal(t, want, string(b), "step %d", i)
		assert.False(t, tree.SubtreeChanged(node), "step %d: saved", i)
	}
	b, _ := afero.ReadFile(fsys, ifacesFile)
	assert.Contains(t, string(b), "    gateway 10.0.100.254\n\n   mtu 9000\nallow-hotplug eth101\n", "after the stanza's blank line, as Augeas puts it")
	assert.Contains(t, string(b), "    address 10.9.9.9\n")
	assert.NotContains(t, string(b), "mapping eth4\n")
}
