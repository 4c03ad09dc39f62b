package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/lensnet/lensnet/internal/gen"
	"github.com/lensnet/lensnet/internal/tmpfstest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBackupFullDisk: lensnet -b saves on a disk with room for the new
// text only (the original becomes FILE.augsave by a link, as in
// augtool): on a tmpfs of its own, filled up to that room, a one-shot
// rm is saved, .augsave holds the original bytes, the file the new
// ones, and no temporary file is left.
func TestBackupFullDisk(t *testing.T) {
	dir := tmpfstest.Dir(t, 256<<10)
	if dir == "" {
		return // run in a private mount namespace
	}
	old := gen.Hosts(2600) // about 96 KiB
	lensnet := func(root string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		status := run([]string{"-r", root, "-b", "-A", "-t", "Hosts incl /etc/hosts",
			"rm", "/files/etc/hosts/*[position() > 1 and position() <= 900]"}, nil, &stdout, &stderr)
		require.Equal(t, 0, status, "stderr: %s", stderr.String())
		assert.Equal(t, "rm : /files/etc/hosts/*[position() > 1 and position() <= 900] 2699\nSaved 1 file(s)\n", stdout.String())
	}
	write := func(root string) string {
		etc := filepath.Join(root, "etc")
		require.NoError(t, os.Mkdir(etc, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(etc, "hosts"), []byte(old), 0o644))
		return etc
	}
	// the text the save must write, from a save on the test's disk
	plain := t.TempDir()
	write(plain)
	lensnet(plain)
	want, err := os.ReadFile(filepath.Join(plain, "etc", "hosts"))
	require.NoError(t, err)
	require.Less(t, len(want)+8<<10, len(old), "the edit must shorten the file by two blocks")

	etc := write(dir)
	room := tmpfstest.Fill(t, dir, "fill", len(want))
	require.GreaterOrEqual(t, room, len(want), "room for the new text")
	require.Less(t, room, len(old), "no room for a copy of the old text")
	lensnet(dir)
	got, err := os.ReadFile(filepath.Join(etc, "hosts"))
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "the new text")
	saved, err := os.ReadFile(filepath.Join(etc, "hosts.augsave"))
	require.NoError(t, err)
	assert.Equal(t, old, string(saved), "the original text in .augsave")
	entries, err := os.ReadDir(etc)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Equal(t, []string{"hosts", "hosts.augsave"}, slices.Sorted(slices.Values(names)), "no temporary file left")
}
