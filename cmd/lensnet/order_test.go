package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAugtoolFileOrder: files come into /files in augtool's order
// (transforms in -t or autoload order, each transform's globs in turn,
// a glob's files in the directory's order as glob(3) gives them
// unsorted), not sorted by name. The root is made on the disk of
// t.TempDir with files created in a shuffled order, more than 64 in one
// directory (glibc hands out the names of a large directory in blocks);
// the same root serves both tools, so they see one directory order.
func TestAugtoolFileOrder(t *testing.T) {
	augtool, err := exec.LookPath("augtool")
	if err != nil {
		t.Fatal("augtool is missing: install the augeas-tools package (scripts/test.sh does)")
	}
	root := t.TempDir()
	for _, d := range []string{"etc/sysctl.d", "etc/modprobe.d"} {
		require.NoError(t, os.MkdirAll(filepath.Join(root, d), 0o755))
	}
	rng := rand.New(rand.NewPCG(16, 1))
	for _, i := range rng.Perm(150) {
		name := fmt.Sprintf("%03d-k.conf", i)
		require.NoError(t, os.WriteFile(filepath.Join(root, "etc/sysctl.d", name), fmt.Appendf(nil, "k%d = %d\n", i, i), 0o644))
	}
	for _, i := range rng.Perm(20) {
		name := fmt.Sprintf("m%02d.conf", i)
		require.NoError(t, os.WriteFile(filepath.Join(root, "etc/modprobe.d", name), fmt.Appendf(nil, "alias m%d x\n", i), 0o644))
	}
	// a dot file that "*" must not match, as with glob(3)
	require.NoError(t, os.WriteFile(filepath.Join(root, "etc/sysctl.d/.hidden.conf"), []byte("h = 1\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "etc/sysctl.conf"), []byte("a = 1\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "etc/hosts"), []byte("127.0.0.1 localhost\n"), 0o644))

	script := "print /files\nls /files/etc/sysctl.d\nmatch /files/etc/*/*[1]\nget /files/etc/sysctl.d/*[70]/*\nprint /augeas/files/etc/modprobe.d\n"
	for _, tc := range []struct {
		name string
		opts []string
	}{
		{"autoload", nil},
		{"transforms", []string{"-A", "-t", "Sysctl incl /etc/sysctl.d/*", "-t", "Hosts incl /etc/hosts",
			"-t", "Modprobe incl /etc/modprobe.d/*", "-t", "Sysctl incl /etc/sysctl.conf"}},
		{"transforms-reordered", []string{"-A", "-t", "Modprobe incl /etc/modprobe.d/m1*", "-t", "Sysctl incl /etc/sysctl.conf",
			"-t", "Modprobe incl /etc/modprobe.d/*", "-t", "Sysctl incl /etc/sysctl.d/1*", "-t", "Sysctl incl /etc/*.d/0*",
			"-t", "Hosts incl /etc/hosts"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status := run(append([]string{"-r", root}, tc.opts...), strings.NewReader(script), &out, &errOut)
			cmd := exec.Command(augtool, append([]string{"-r", root}, tc.opts...)...)
			cmd.Stdin = strings.NewReader(script)
			var aout, aerr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &aout, &aerr
			require.NoError(t, cmd.Run())
			assert.Equal(t, 0, status)
			// lens/info names the lens's source, which differs
			// (embedded lenses): compare everything else
			noInfo := func(s string) string {
				var keep []string
				for l := range strings.Lines(s) {
					if !strings.Contains(l, "/lens/info = ") {
						keep = append(keep, l)
					}
				}
				return strings.Join(keep, "")
			}
			require.Contains(t, aout.String(), "/files/etc/sysctl.d/149-k.conf/k149 = \"149\"")
			assert.Equal(t, noInfo(aout.String()), noInfo(out.String()), "stdout")
			assert.Equal(t, aerr.String(), errOut.String(), "stderr")
		})
	}
}

// TestAugtoolAutoloadOrder: with the system's lens library, the
// autoload transforms come in /augeas/load in augtool's order (the lens
// directory's listing order as glob(3) gives it, each module after the
// modules it imports), computed and from the cache.
func TestAugtoolAutoloadOrder(t *testing.T) {
	augtool, err := exec.LookPath("augtool")
	if err != nil {
		t.Fatal("augtool is missing: install the augeas-tools package (scripts/test.sh does)")
	}
	root := t.TempDir()
	names := func(out string) []string {
		var ns []string
		for _, l := range strings.Split(out, "\n") {
			n, _, _ := strings.Cut(strings.TrimPrefix(l, "/augeas/load/"), "/")
			n, _, _ = strings.Cut(n, " ")
			if strings.HasPrefix(l, "/augeas/load/") && (len(ns) == 0 || ns[len(ns)-1] != n) {
				ns = append(ns, n)
			}
		}
		return ns
	}
	want, err := exec.Command(augtool, "-r", root, "-L", "print", "/augeas/load").Output()
	require.NoError(t, err)
	require.Greater(t, len(names(string(want))), 100, "the system's library")
	t.Setenv("LENSNET_CACHE", t.TempDir())
	for _, pass := range []string{"computed", "from the cache"} {
		var out, errb bytes.Buffer
		require.Equal(t, 0, run([]string{"-r", root, "-L", "print", "/augeas/load"}, strings.NewReader(""), &out, &errb), errb.String())
		assert.Equal(t, names(string(want)), names(out.String()), pass)
	}
}
