package lensnet

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/tree"
	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// onDemandFiles: files that fail first in their folders, a folder all of
// whose files fail, a folder that moves past its siblings (its first
// file fails, the next comes later), a file two lenses claim.
var onDemandFiles = map[string]string{
	"/etc/hosts":         "127.0.0.1 localhost\n10.0.0.1 a b\n",
	"/etc/h/a":           "garbage!\n",
	"/etc/h/b":           "10.0.0.2 b\n",
	"/etc/bad/x":         "garbage!\n",
	"/etc/m2/0":          "garbage!\n",
	"/etc/m2/1":          "10.2.2.2 m2\n",
	"/etc/zz/last":       "10.9.9.9 last\n",
	"/etc/resolv.conf":   "nameserver 9.9.9.9\n",
	"/etc/dup":           "1.2.3.4 dup\n",
	"/etc/sysctl.conf":   "net.ipv4.ip_forward = 1\n",
	"/etc/sv/one/ifcfg":  "A=1\n",
	"/etc/sv/two/ifcfg":  "A=1 = =\n",
	"/etc/sv/three/cfg":  "B=2\n",
	"/etc/sv/three/more": "C=3\n",
}

var onDemandTransforms = []string{
	"Hosts incl /etc/h/*", "Hosts incl /etc/bad/*", "Hosts incl /etc/m2/0", "Hosts incl /etc/hosts",
	"Hosts incl /etc/m2/1", "Hosts incl /etc/dup", "Hosts incl /etc/zz/last",
	"Shellvars incl /etc/sv/*/*", "Resolv incl /etc/resolv.conf", "Resolv incl /etc/dup",
	"Sysctl incl /etc/sysctl.conf",
}

func openOnDemand(t *testing.T, fsys afero.Fs, onDemand bool) *Handle {
	t.Helper()
	h, err := Open(Options{Fs: fsys, NoAutoload: true, Transforms: onDemandTransforms, LoadAll: !onDemand})
	require.NoError(t, err)
	return h
}

// readFiles lists the files read so far, "all" once every one is.
func readSoFar(h *Handle) string {
	if h.lz == nil || h.lz.left == 0 {
		return "all"
	}
	var out []string
	for i, s := range h.lz.state {
		if s != filePending {
			out = append(out, h.lz.todo[i])
		}
	}
	return strings.Join(out, " ")
}

var mtimeLine = regexp.MustCompile(`(?m)/mtime = "[0-9]+"$`)

// wholeTree prints the whole tree (reading every file), mtimes aside.
func wholeTree(t *testing.T, h *Handle) string {
	t.Helper()
	ns, err := h.MatchNodes("/")
	require.NoError(t, err)
	var b strings.Builder
	for _, c := range ns[0].Children() {
		l, _ := c.Label()
		require.NoError(t, tree.Fprint(&b, c, "/"+l))
	}
	return mtimeLine.ReplaceAllString(b.String(), `/mtime = N`)
}

// TestOnDemandReach: each kind of path reads the files the rule says
// (literal locations: the files at, above and below them, and the
// first file that reads of each folder on the way; anything else:
// every file), and leaves the handle as a full load does.
func TestOnDemandReach(t *testing.T) {
	tests := []struct {
		name string
		do   func(h *Handle) error
		read string // the files read afterwards
	}{
		{"open reads nothing", func(h *Handle) error { return nil }, ""},
		{"a literal path into a file", func(h *Handle) error { _, _, err := h.Get("/files/etc/hosts/1/ipaddr"); return err }, "/etc/hosts"},
		{"a literal path to a file", func(h *Handle) error { _, err := h.Match("/files/etc/hosts"); return err }, "/etc/hosts"},
		{"wildcards below a file", func(h *Handle) error { _, err := h.Match("/files/etc/hosts/*/ipaddr"); return err }, "/etc/hosts"},
		{"a folder: every file below", func(h *Handle) error { _, err := h.Match("/files/etc/sv/three"); return err }, "/etc/sv/three/cfg /etc/sv/three/more"},
		{"a folder on the way: its first file that reads", func(h *Handle) error { _, err := h.Match("/files/etc/h/nothing"); return err }, "/etc/h/a /etc/h/b"},
		{"a folder whose files all fail", func(h *Handle) error { return h.Set("/files/etc/bad/new", "1") }, "/etc/h/a /etc/h/b /etc/bad/x"},
		{"a predicate's absolute path", func(h *Handle) error {
			_, err := h.Match("/files/etc/hosts/*[ipaddr = /files/etc/h/b/1/ipaddr]")
			return err
		}, "/etc/h/b /etc/hosts"},
		{"a relative path at /files", func(h *Handle) error { _, _, err := h.Get("etc/sysctl.conf/net.ipv4.ip_forward"); return err }, "/etc/sysctl.conf"},
		{"insert reads its node's siblings", func(h *Handle) error { return h.Insert("/files/etc/zz", "x", true) }, "all"},
		{"setm's relative path stays below", func(h *Handle) error { _, err := h.SetMultiple("/files/etc/hosts/*", "alias", "z"); return err }, "/etc/hosts"},
		{"setm's absolute path", func(h *Handle) error {
			_, err := h.SetMultiple("/files/etc/hosts/*", "alias[. = /files/etc/resolv.conf/nameserver]", "z")
			return err
		}, "/etc/hosts /etc/resolv.conf"},
		{"defvar of a literal path", func(h *Handle) error { _, err := h.DefineVariable("x", "/files/etc/hosts/1"); return err }, "/etc/hosts"},
		{"/files itself", func(h *Handle) error { _, err := h.Match("/files"); return err }, "all"},
		{"a wildcard over /files", func(h *Handle) error { _, err := h.Match("/files/*/hosts"); return err }, "all"},
		{"// over /files", func(h *Handle) error { _, err := h.Match("/files//ipaddr"); return err }, "all"},
		{"the root", func(h *Handle) error { _, err := h.Match("/*"); return err }, "all"},
		{"/augeas", func(h *Handle) error { _, err := h.Match("/augeas/files//error"); return err }, "all"},
		{"a parent step", func(h *Handle) error { _, err := h.Match("/files/etc/hosts/.."); return err }, "all"},
		{"a sibling axis", func(h *Handle) error { _, err := h.Match("/files/etc/hosts/following-sibling::*"); return err }, "all"},
		{"a variable", func(h *Handle) error {
			if _, err := h.DefineVariable("x", "/files/etc/hosts"); err != nil {
				return err
			}
			_, err := h.Match("$x/1")
			return err
		}, "all"},
		{"a context elsewhere", func(h *Handle) error { h.SetContext("/files/etc"); _, err := h.Match("hosts/1"); return err }, "all"},
		{"setm's relative path going up", func(h *Handle) error { _, err := h.SetMultiple("/files/etc/hosts/*", "../x", "z"); return err }, "all"},
		{"errors", func(h *Handle) error { h.Errors(); return nil }, "all"},
		{"info", func(h *Handle) error { h.Info(); return nil }, "all"},
		{"save of nothing", func(h *Handle) error { return h.Save() }, ""},
		{"save of an edit", func(h *Handle) error {
			if err := h.Set("/files/etc/hosts/1/ipaddr", "127.0.0.2"); err != nil {
				return err
			}
			return h.Save()
		}, "/etc/hosts"},
		{"save of a file that does not fit its lens", func(h *Handle) error {
			if err := h.Set("/files/etc/hosts/1/bogus", "x"); err != nil {
				return err
			}
			return h.Save()
		}, "all"},
		{"save of a removed file", func(h *Handle) error {
			if _, err := h.Remove("/files/etc/hosts"); err != nil {
				return err
			}
			return h.Save()
		}, "all"},
		{"save of a new file", func(h *Handle) error {
			if err := h.Set("/files/etc/h/new/1/ipaddr", "1.1.1.1"); err != nil {
				return err
			}
			if err := h.Set("/files/etc/h/new/1/canonical", "new"); err != nil {
				return err
			}
			return h.Save()
		}, "all"},
		{"transform", func(h *Handle) error { return h.Transform("Hosts incl /etc/more") }, "all"},
		{"load file", func(h *Handle) error { return h.LoadFile("/etc/hosts") }, "all"},
		{"load", func(h *Handle) error { return h.Load() }, "all"},
		{"read all", func(h *Handle) error { h.ReadAll(); return nil }, "all"},
		{"a predicate's variable", func(h *Handle) error {
			if _, err := h.DefineVariable("x", "/files/etc/h/b/1/ipaddr"); err != nil {
				return err
			}
			_, err := h.Match("/files/etc/hosts/*[ipaddr = $x]")
			return err
		}, "all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			full := openOnDemand(t, memRoot(t, onDemandFiles), false)
			lazy := openOnDemand(t, memRoot(t, onDemandFiles), true)
			errFull, errLazy := tt.do(full), tt.do(lazy)
			assert.Equal(t, errFull, errLazy)
			assert.Equal(t, tt.read, readSoFar(lazy))
			assert.Equal(t, full.Saved(), lazy.Saved())
			assert.Equal(t, wholeTree(t, full), wholeTree(t, lazy))
		})
	}
}

// TestOnDemandSave: a save after reading on demand writes exactly what
// a save after a full load writes, and only that.
func TestOnDemandSave(t *testing.T) {
	edits := func(h *Handle) {
		require.NoError(t, h.Set("/files/etc/hosts/1/ipaddr", "127.0.0.2"))
		require.NoError(t, h.Set("/files/etc/h/b/1/canonical", "bee"))
		require.NoError(t, h.Set("/files/etc/new.conf/x", "1"))
		require.NoError(t, h.Insert("/files/etc/sv/three/cfg/B", "A", true))
		require.NoError(t, h.Set("/files/etc/sv/three/cfg/A", "0"))
		_, err := h.Remove("/files/etc/resolv.conf")
		require.NoError(t, err)
	}
	save := func(onDemand bool) (map[string]string, string, error) {
		fsys := memRoot(t, onDemandFiles)
		h := openOnDemand(t, fsys, onDemand)
		edits(h)
		serr := h.Save()
		out := map[string]string{}
		require.NoError(t, afero.Walk(fsys, "/", func(p string, info fs.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return err
			}
			b, err := afero.ReadFile(fsys, p)
			out[p] = string(b)
			return err
		}))
		return out, wholeTree(t, h), serr
	}
	wantFiles, wantTree, wantErr := save(false)
	gotFiles, gotTree, gotErr := save(true)
	assert.Equal(t, wantErr, gotErr)
	assert.Equal(t, wantFiles, gotFiles)
	assert.Equal(t, wantTree, gotTree)
	assert.Equal(t, "127.0.0.2 localhost\n10.0.0.1 a b\n", gotFiles["/etc/hosts"])
	assert.NotContains(t, gotFiles, "/etc/resolv.conf")
}
