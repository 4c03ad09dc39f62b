package lensnet

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/lens/lang"
	"github.com/lensnet/lensnet/lenses"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// eagerTransforms is how autoload used to work: every module on the
// search path loaded in full, and the autoload transform of each one
// that loads, by module name.
func eagerTransforms(path []lang.Dir) map[string]lang.Filter {
	ld := lang.NewLoader(lang.Options{Path: path})
	out := map[string]lang.Filter{}
	seen := map[string]bool{}
	for _, d := range path {
		ms, _ := fs.Glob(d.FS, "*.aug")
		for _, m := range ms {
			n := strings.TrimSuffix(m, ".aug")
			if seen[n] {
				continue
			}
			seen[n] = true
			mod, err := ld.Load(strings.ToUpper(n[:1]) + n[1:])
			if err != nil {
				continue
			}
			if t, ok := mod.Transform(); ok {
				out[mod.Name] = t.Filter
			}
		}
	}
	return out
}

func sortedGlobs(f lang.Filter) []lang.Glob {
	out := append([]lang.Glob(nil), f...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Pattern != out[j].Pattern {
			return out[i].Pattern < out[j].Pattern
		}
		return out[i].Include && !out[j].Include
	})
	return out
}

// TestAutoloadSameAsEager: autoload reads only the modules' filters and
// compiles a lens when a file needs it, yet the transforms and the
// files each lens loads are those of loading every module in full: with
// lensnet's modules and Augeas's library (when installed), a user
// module claiming /etc/hosts too (both lose it: mxfm_load) and a user
// module whose lens is broken claiming /etc/resolv.conf (it claims
// nothing; its error, with its position, is under /augeas/load).
func TestAutoloadSameAsEager(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "twin.aug"), []byte(
		"module Twin = autoload xfm\nlet xfm = transform Hosts.lns (incl \"/etc/hosts\")\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "broken.aug"), []byte(
		"module Broken = autoload xfm\nlet lns = [ key /a/ ] . nope\nlet xfm = transform lns (incl \"/etc/resolv.conf\")\n"), 0o644))
	fileTexts := map[string]string{
		"/etc/hosts":                                "127.0.0.1 localhost\n",
		"/etc/resolv.conf":                          "nameserver 10.0.0.1\n",
		"/etc/sysctl.conf":                          "net.ipv4.ip_forward = 1\n",
		"/etc/network/interfaces":                   "auto lo\niface lo inet loopback\n",
		"/etc/modprobe.d/blacklist.conf":            "blacklist pcspkr\n",
		"/etc/sysconfig/network-scripts/ifcfg-eth0": "DEVICE=eth0\n",
		"/etc/default/grub":                         "GRUB_TIMEOUT=5\n",
		"/etc/fstab":                                "/dev/sda1 / ext4 defaults 0 1\n",
		"/etc/ssh/sshd_config":                      "PermitRootLogin no\n",
		"/etc/passwd":                               "root:x:0:0:root:/root:/bin/bash\n",
		"/etc/crontab":                              "not a crontab\n",
		"/etc/hosts.allow":                          "ALL: LOCAL\n",
		"/etc/motd":                                 "claimed by no lens\n",
		"/etc/hosts~":                               "excluded\n",
	}
	h, err := Open(Options{Fs: memRoot(t, fileTexts), LensPath: []string{dir}})
	require.NoError(t, err)

	want := eagerTransforms(lang.DefaultPath([]string{dir}, false, lenses.FS))
	require.NotContains(t, want, "Broken")
	require.Contains(t, want, "Twin")
	got := map[string]*xform{}
	for _, x := range h.transforms() {
		got[x.key] = x
	}
	require.Contains(t, got, "Broken", "autoload does not compile lenses")
	msg, _, _ := h.Get("/augeas/load/Broken/error/message")
	assert.Contains(t, msg, filepath.Join(dir, "broken.aug")+":2:25: Undefined variable nope")
	delete(got, "Broken")
	require.Len(t, got, len(want))
	for key, f := range want {
		require.Contains(t, got, key)
		assert.Equal(t, "@"+key, got[key].name)
		assert.Equal(t, sortedGlobs(f), sortedGlobs(got[key].filter), key)
	}

	loaded := 0
	for p := range fileTexts {
		var claims []string
		for key, f := range want {
			if f.Matches(p) {
				claims = append(claims, "@"+key)
			}
		}
		lensName, _, _ := h.Get("/augeas/files" + p + "/lens")
		errKind, _, _ := h.Get("/augeas/files" + p + "/error")
		switch len(claims) {
		case 0:
			assert.Empty(t, lensName, p)
			assert.Empty(t, errKind, p)
		case 1:
			assert.Equal(t, claims[0], lensName, p)
			assert.NotEqual(t, "mxfm_load", errKind, p)
			if errKind == "" {
				loaded++
			}
		default:
			assert.Equal(t, "mxfm_load", errKind, "%s: %v", p, claims)
		}
	}
	if len(want) > 100 {
		assert.Greater(t, loaded, 8, "most sample files load with Augeas's library")
	}
	hosts, _, _ := h.Get("/augeas/files/etc/hosts/error")
	assert.Equal(t, "mxfm_load", hosts)
	ns, _ := h.Match("/files/etc/resolv.conf/nameserver")
	assert.Len(t, ns, 1, "Resolv loads the file the broken module would have claimed")
}

// BenchmarkOpen opens fixtures/debian as augtool does at start-up, with
// lensnet's modules only and with Augeas's library as well (about 230
// modules whose autoload filters are read), loading the files or not
// (augtool -L).
func BenchmarkOpen(b *testing.B) {
	own := Options{Root: "fixtures/debian", NoStdInc: true, LensPath: []string{"lenses"}}
	all := Options{Root: "fixtures/debian"}
	if _, err := os.Stat(filepath.Join(lang.SystemDistDir, "hosts.aug")); err != nil {
		all.Root = "" // marks the case skipped
	}
	for _, c := range []struct {
		name string
		opts Options
	}{{"own", own}, {"own-noload", own}, {"dist", all}, {"dist-noload", all}} {
		b.Run(c.name, func(b *testing.B) {
			if c.opts.Root == "" {
				b.Skip("augeas-lenses not installed")
			}
			opts := c.opts
			opts.NoLoad = strings.HasSuffix(c.name, "-noload")
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Open(opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
