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

// augtoolOutput runs augtool with args and script on stdin, and returns
// its standard output and error; the test fails if augtool is missing
// or fails.
func augtoolOutput(t *testing.T, script string, args ...string) (stdout, stderr string) {
	t.Helper()
	augtool, err := exec.LookPath("augtool")
	if err != nil {
		t.Fatal("augtool is missing: install the augeas-tools package (scripts/test.sh does)")
	}
	cmd := exec.Command(augtool, args...)
	cmd.Stdin = strings.NewReader(script)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	require.NoError(t, cmd.Run(), errb.String())
	return out.String(), errb.String()
}

// TestAugtoolLoadTree: with the system's lens library, the whole of
// /augeas/load is augtool's byte for byte: the transforms, and each
// one's incl and excl globs in Augeas's order, which follows how the
// filter joins them (lensnet's own modules, Util.stdexcl among them,
// write their globs so as to give Augeas's order). Computed and from
// the cache.
func TestAugtoolLoadTree(t *testing.T) {
	root := t.TempDir()
	args := []string{"-r", root, "-L", "print", "/augeas/load"}
	want, wantErr := augtoolOutput(t, "", args...)
	require.Greater(t, strings.Count(want, "/lens = "), 100, "the system's library")
	t.Setenv("LENSNET_CACHE", t.TempDir())
	for _, pass := range []string{"computed", "from the cache"} {
		var out, errb bytes.Buffer
		require.Equal(t, 0, run(args, strings.NewReader(""), &out, &errb), errb.String())
		assert.Equal(t, want, out.String(), "%s: stdout of lensnet %s", pass, strings.Join(args, " "))
		assert.Equal(t, wantErr, errb.String(), "%s: stderr", pass)
	}
	// one module at a time, for a readable failure
	for _, m := range []string{"Shellvars", "Interfaces", "Sysctl", "Modprobe", "Hosts", "Resolv", "Dnsmasq"} {
		args := []string{"-r", root, "-L", "print", "/augeas/load/" + m}
		want, _ := augtoolOutput(t, "", args...)
		var out, errb bytes.Buffer
		require.Equal(t, 0, run(args, strings.NewReader(""), &out, &errb), errb.String())
		assert.Equal(t, want, out.String(), m)
	}
}

// TestAugtoolShellvarsFileOrder: files that one transform claims come
// into /files in the order of its include globs, as augtool has them:
// a root of Shellvars files (with some that its filter excludes),
// created in a shuffled order, prints as augtool prints it.
func TestAugtoolShellvarsFileOrder(t *testing.T) {
	root := t.TempDir()
	files := []string{
		"etc/profile", "etc/default/a", "etc/default/b", "etc/environment",
		"etc/os-release", "etc/ucf.conf", "etc/adduser.conf", "etc/lsb-release",
		"etc/profile.d/p.sh", "etc/sysconfig/network", "etc/conf.d/net",
		// excluded: by the filter, and by Util.stdexcl
		"etc/default/rmt", "etc/profile.d/p.csh", "etc/default/a~", "etc/default/b.dpkg-old",
	}
	rng := rand.New(rand.NewPCG(3, 9))
	for _, i := range rng.Perm(len(files)) {
		name := filepath.Join(root, files[i])
		require.NoError(t, os.MkdirAll(filepath.Dir(name), 0o755))
		require.NoError(t, os.WriteFile(name, fmt.Appendf(nil, "V%d=%d\n", i, i), 0o644))
	}
	script := "print /files\nmatch /files/etc/*\n"
	want, wantErr := augtoolOutput(t, script, "-r", root)
	require.Contains(t, want, "/files/etc/os-release/V4 = \"4\"")
	t.Setenv("LENSNET_CACHE", "off")
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-r", root}, strings.NewReader(script), &out, &errb), errb.String())
	assert.Equal(t, want, out.String(), "stdout")
	assert.Equal(t, wantErr, errb.String(), "stderr")
}
