package lensnet

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/tree"
	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dumpMeta prints /augeas/<label> as augtool's print does.
func dumpMeta(t *testing.T, h *Handle, label string) string {
	t.Helper()
	ns, err := h.MatchNodes("/augeas/" + label)
	require.NoError(t, err)
	var b strings.Builder
	for _, n := range ns {
		require.NoError(t, tree.Fprint(&b, n, n.Path()))
	}
	return b.String()
}

func TestMetaTree(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h := open(t, fsys, SaveBackup)
	var labels []string
	for _, c := range h.augeasNode().Children() {
		l, _ := c.Label()
		labels = append(labels, l)
	}
	assert.Equal(t, []string{"root", "context", "variables", "version", "save", "span", "files", "load"}, labels,
		"the order augtool -A -t gives")
	v, _, _ := h.Get("/augeas/version")
	assert.Equal(t, AugeasVersion, v)
	modes, _ := h.Match("/augeas/version/save/mode")
	assert.Len(t, modes, 4)
	v, _, _ = h.Get("/augeas/save")
	assert.Equal(t, "backup", v)
	assert.Equal(t, `/augeas/load/Hosts
/augeas/load/Hosts/lens = "Hosts.lns"
/augeas/load/Hosts/incl = "/etc/hosts*"
/augeas/load/Hosts/excl = "*.rpmnew"
`, dumpMeta(t, h, "load/Hosts"))
	meta := dumpMeta(t, h, "files/etc/hosts")
	assert.Contains(t, meta, "/augeas/files/etc/hosts/path = \"/files/etc/hosts\"\n/augeas/files/etc/hosts/mtime = \"")
	assert.Contains(t, meta, "/augeas/files/etc/hosts/lens = \"Hosts.lns\"\n/augeas/files/etc/hosts/lens/info = \"(embedded)/hosts.aug:")

	in := h.Info()
	assert.Equal(t, "/", in.Root)
	assert.Equal(t, "/files", in.Context)
	assert.Equal(t, 4, in.NumFiles, "hosts, ifcfg-eth0, sysctl.conf and resolv.conf, which fails to parse: augtool counts it too")
	assert.NotEmpty(t, in.LoadPath)
}

func TestLoadFromMetaTree(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h, err := Open(Options{Fs: fsys, NoAutoload: true, NoLoad: true})
	require.NoError(t, err)
	require.NoError(t, h.Set("/augeas/load/H/lens", "Hosts.lns"))
	require.NoError(t, h.Set("/augeas/load/H/incl", "/etc/hosts"))
	require.NoError(t, h.Load())
	v, _, err := h.Get("/files/etc/hosts/1/canonical")
	require.NoError(t, err)
	assert.Equal(t, "localhost", v, "transforms written into /augeas/load are used")

	require.NoError(t, h.Set("/augeas/load/Bad/lens", "Nosuch.lns"))
	require.NoError(t, h.Set("/augeas/load/Bad/incl", "/etc/motd"))
	require.NoError(t, h.Load())
	v, _, _ = h.Get("/augeas/load/Bad/error")
	assert.Equal(t, "Can not find lens Nosuch.lns", v)

	// save mode comes from /augeas/save
	require.NoError(t, h.Set("/files/etc/hosts/1/canonical", "lh"))
	require.NoError(t, h.Set("/augeas/save", "newfile"))
	require.NoError(t, h.Save())
	b, err := afero.ReadFile(fsys, "/etc/hosts.augnew")
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "127.0.0.1 lh\n"))
	require.NoError(t, h.Set("/augeas/save", "bogus"))
	assert.ErrorContains(t, h.Save(), `invalid save mode "bogus"`)
}

func TestContext(t *testing.T) {
	h := open(t, memRoot(t, sampleFiles), SaveOverwrite)
	h.SetContext("/files/etc/hosts/")
	assert.Equal(t, "/files/etc/hosts", h.Context(), "a trailing / is dropped")
	v, _, err := h.Get("*[ipaddr = '127.0.0.1']/canonical")
	require.NoError(t, err)
	assert.Equal(t, "localhost", v)

	h.SetContext("/files/none")
	m, err := h.Match("x")
	require.NoError(t, err)
	assert.Empty(t, m, "a context that names no node matches nothing")
	require.NoError(t, h.Set("x", "1"))
	v, _, _ = h.Get("/files/none/x")
	assert.Equal(t, "1", v, "and is created when a relative path is set, as augtool does")

	h.SetContext("/files/etc/*")
	_, err = h.Match("x")
	assert.ErrorIs(t, err, ErrManyMatches)
}

func TestVersion(t *testing.T) {
	assert.Equal(t, "devel", Version(), "a test binary is built in the source tree")
	for _, c := range []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"main module", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "v0.4.0"}}, "v0.4.0"},
		{"source tree", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "(devel)"}}, "devel"},
		{"dependency", debug.BuildInfo{Main: debug.Module{Path: "example.com/app"},
			Deps: []*debug.Module{{Path: "example.com/other", Version: "v1.0.0"}, {Path: modulePath, Version: "v0.3.1"}}}, "v0.3.1"},
		{"replaced", debug.BuildInfo{Main: debug.Module{Path: "example.com/app"},
			Deps: []*debug.Module{{Path: modulePath, Version: "v0.3.1", Replace: &debug.Module{Path: "../lensnet"}}}}, "devel"},
		{"absent", debug.BuildInfo{Main: debug.Module{Path: "example.com/app"}}, "devel"},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, moduleVersion(&c.bi))
		})
	}
	in := open(t, memRoot(t, sampleFiles), SaveOverwrite).Info()
	assert.Equal(t, AugeasVersion, in.Version, "info shows the Augeas version, as augtool")
}
