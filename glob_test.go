package lensnet

import (
	"fmt"
	"testing"

	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGlibcReorder(t *testing.T) {
	names := func(from, to int) []string {
		var out []string
		for i := from; i < to; i++ {
			out = append(out, fmt.Sprint(i))
		}
		return out
	}
	for _, tc := range []struct {
		name string
		n    int
		want []string
	}{
		{"one block", 64, names(0, 64)},
		{"two blocks", 65, append(names(64, 65), names(0, 64)...)},
		// as augtool 1.14 listed a directory of 300 files
		{"three blocks", 300, append(append(names(192, 300), names(64, 192)...), names(0, 64)...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, glibcReorder(names(0, tc.n)))
		})
	}
}

func TestGlob(t *testing.T) {
	fsys := afero.NewMemMapFs()
	for _, f := range []string{"/etc/a/x.conf", "/etc/a/.y.conf", "/etc/b/x.conf", "/etc/b.conf", "/etc/.c/x.conf", "/etc/d/sub/x.conf"} {
		require.NoError(t, afero.WriteFile(fsys, f, []byte("x\n"), 0o644))
	}
	for _, tc := range []struct {
		pattern string
		want    []string
	}{
		// no .c, b.conf is no directory; d/x.conf is left to the caller
		{"/etc/*/x.conf", []string{"/etc/a/x.conf", "/etc/b/x.conf", "/etc/d/x.conf"}},
		{"/etc/a/*", []string{"/etc/a/x.conf"}},
		{"/etc/a/.*", []string{"/etc/a/.y.conf"}},
		{"/etc/[!a]*/*", []string{"/etc/b/x.conf", "/etc/d/sub"}},
		{"/etc/none/*", nil},
		{"/etc/none", []string{"/etc/none"}}, // the caller looks it up
	} {
		t.Run(tc.pattern, func(t *testing.T) {
			assert.Equal(t, tc.want, glob(fsys, tc.pattern))
		})
	}
}
