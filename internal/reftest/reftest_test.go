package reftest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReference: LENSNET_SHARED names the shared folder, whose
// reference folder is the data; a missing one skips the test.
func TestReference(t *testing.T) {
	shared := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(shared, "reference"), 0o755))
	t.Setenv("LENSNET_SHARED", shared)
	assert.Equal(t, filepath.Join(shared, "reference"), Reference(t))

	t.Setenv("LENSNET_SHARED", t.TempDir())
	var skipped bool
	t.Run("absent", func(t *testing.T) {
		defer func() { skipped = t.Skipped() }()
		Reference(t)
		t.Error("not skipped")
	})
	assert.True(t, skipped)
}

// TestXmllint: a document the schema takes passes, one it refuses is
// named in what xmllint prints.
func TestXmllint(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "good.xml"), filepath.Join(dir, "bad.xml")
	require.NoError(t, os.WriteFile(good, []byte("<network><name>n</name></network>\n"), 0o644))
	require.NoError(t, os.WriteFile(bad, []byte("<network><nope/></network>\n"), 0o644))
	Xmllint(t, "network.rng", []string{good})
	out := XmllintOutput(t, "network.rng", []string{good, bad})
	assert.Contains(t, out, "good.xml validates")
	assert.Contains(t, out, "bad.xml fails to validate")
}
