package lensnet

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/lensnet/lensnet/internal/gen"
	"github.com/lensnet/lensnet/internal/tmpfstest"
	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullDiskHosts is a hosts file of about 96 KiB and the edit the
// full-disk tests make to it, which shortens it by about a quarter.
var (
	fullDiskHosts = gen.Hosts(2600)
	fullDiskEdit  = "/files/etc/hosts/*[position() > 1 and position() <= 900]"
)

// TestSaveBackupFullDisk: a save in backup mode keeps the original
// file as FILE.augsave by a link, not a copy, so it succeeds on a disk
// that has room for the new text but not for a copy of the old one as
// well (augtool's case): on a tmpfs of its own, filled up to that room,
// .augsave holds the original bytes, the file the new ones, and no
// temporary file is left.
func TestSaveBackupFullDisk(t *testing.T) {
	dir := tmpfstest.Dir(t, 256<<10)
	if dir == "" {
		return // run in a private mount namespace
	}
	open := func(fsys afero.Fs, root string) *Handle {
		h, err := Open(Options{Fs: fsys, Root: root, NoAutoload: true, SaveMode: SaveBackup,
			Transforms: []string{"Hosts incl /etc/hosts"}})
		require.NoError(t, err)
		n, err := h.Remove(fullDiskEdit)
		require.NoError(t, err)
		require.Positive(t, n)
		return h
	}
	// the text the save must write, from a save in memory
	mem := afero.NewMemMapFs()
	require.NoError(t, afero.WriteFile(mem, "/etc/hosts", []byte(fullDiskHosts), 0o644))
	require.NoError(t, open(mem, "").Save())
	want, err := afero.ReadFile(mem, "/etc/hosts")
	require.NoError(t, err)
	require.Less(t, len(want)+8<<10, len(fullDiskHosts), "the edit must shorten the file by two blocks")

	etc := filepath.Join(dir, "etc")
	require.NoError(t, os.Mkdir(etc, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(etc, "hosts"), []byte(fullDiskHosts), 0o644))
	h := open(nil, dir)
	room := tmpfstest.Fill(t, dir, "fill", len(want))
	require.GreaterOrEqual(t, room, len(want), "room for the new text")
	require.Less(t, room, len(fullDiskHosts), "no room for a copy of the old text")

	require.NoError(t, h.Save())
	got, err := os.ReadFile(filepath.Join(etc, "hosts"))
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "the new text")
	saved, err := os.ReadFile(filepath.Join(etc, "hosts.augsave"))
	require.NoError(t, err)
	assert.Equal(t, fullDiskHosts, string(saved), "the original text in .augsave")
	entries, err := os.ReadDir(etc)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Equal(t, []string{"hosts", "hosts.augsave"}, slices.Sorted(slices.Values(names)), "no temporary file left")
}
