package lang

import (
	"bytes"
	"io/fs"
	"sort"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/lenses"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAutoloadReadsOnlyTheFilter: Autoload evaluates the filter and what
// it refers to, nothing else; Load evaluates the whole module afterwards
// and reports its errors with their positions.
func TestAutoloadReadsOnlyTheFilter(t *testing.T) {
	var out bytes.Buffer
	ld := loader(&out, map[string]string{
		"t.aug": `module T = autoload xfm
let _ = print_string "evaluated"
let lns = [ key /a/ ] . nope
let filter = incl "/etc/t" . Lib.ex
let xfm = transform lns filter
`,
		"lib.aug": `module Lib =
let ex = excl "*~" . excl "*.bak"
let broken = del /x/ /y/
`,
	})
	a, err := ld.Autoload("T")
	require.NoError(t, err)
	assert.Equal(t, &Autoload{Module: "T", Filter: Filter{{false, "*~"}, {false, "*.bak"}, {true, "/etc/t"}}}, a)
	assert.Empty(t, out.String(), "no other binding was evaluated")
	assert.Empty(t, ld.Modules(), "no module was evaluated in full")

	_, err = ld.Load("T")
	require.Error(t, err)
	assert.Equal(t, "evaluated", out.String())
	assert.Equal(t, "dirA/t.aug:3:25: Undefined variable nope", err.Error())
	_, err = ld.Load("Lib")
	assert.EqualError(t, err, "dirA/lib.aug:3:22: type error: del expects string but found regexp", "a module read lazily is still checked in full when loaded")
	// the same again once the module has failed
	a2, err := ld.Autoload("T")
	require.NoError(t, err)
	assert.Equal(t, a, a2)
}

func TestAutoloadCases(t *testing.T) {
	lib := "module Lib =\nlet ex = excl \"*~\"\nlet f = T.g\n"
	cases := []struct {
		name, src string
		want      Filter // nil: no autoload
		err       string
	}{
		{name: "no autoload", src: "module T =\nlet lns = del /x/ \"x\"\n"},
		{name: "shape transform LENS FILTER", src: "module T = autoload xfm\nlet lns = nope\nlet xfm = transform lns (incl \"/a\" . Lib.ex)\n",
			want: Filter{{false, "*~"}, {true, "/a"}}},
		{name: "qualified builtin", src: "module T = autoload xfm\nlet xfm = Builtin.transform nope (incl \"/a\")\n",
			want: Filter{{true, "/a"}}},
		{name: "other shapes are evaluated whole", src: "module T = autoload xfm\nlet lns = [ key /a/ ]*\nlet xfm = let f = incl \"/a\" in transform lns f\n",
			want: Filter{{true, "/a"}}},
		{name: "other shapes report their errors", src: "module T = autoload xfm\nlet lns = nope\nlet xfm = let f = incl \"/a\" in transform lns f\n",
			err: "dirA/t.aug:2:11: Undefined variable nope"},
		{name: "own transform is not the builtin", src: "module T = autoload xfm\nlet transform (l:lens) (s:string) = l\nlet xfm = transform (del /x/ \"x\") (incl \"/a\")\n",
			err: "dirA/t.aug:3:36: type error: transform expects string but found filter"},
		{name: "filter defined later is not visible", src: "module T = autoload xfm\nlet lns = [ key /a/ ]*\nlet xfm = transform lns filter\nlet filter = incl \"/a\"\n",
			err: "dirA/t.aug:3:25: Undefined variable filter"},
		{name: "a function sees the lets after it when called later", src: "module T = autoload xfm\nlet f (x:string) = g . incl x\nlet g = incl \"/a\"\nlet xfm = transform ([ key /a/ ]*) (f \"/b\")\n",
			want: Filter{{true, "/a"}, {true, "/b"}}},
		{name: "but not while it is evaluated", src: "module T = autoload xfm\nlet f (x:string) = g . incl x\nlet h = f \"/b\"\nlet g = incl \"/a\"\nlet xfm = transform ([ key /a/ ]*) h\n",
			err: "dirA/t.aug:2:20: Undefined variable g"},
		{name: "autoload not defined", src: "module T = autoload xfm\nlet x = \"1\"\n",
			err: "dirA/t.aug:1:1: autoload: xfm is not defined in module T"},
		{name: "autoload not a transform", src: "module T = autoload xfm\nlet xfm = incl \"/a\"\n",
			err: "dirA/t.aug:1:1: autoload: xfm is a filter, not a transform"},
		{name: "syntax error", src: "module T = autoload xfm\nlet xfm = (\n",
			err: "dirA/t.aug:2:11: syntax error"},
		{name: "missing module", src: "module T = autoload xfm\nlet l = [ key /a/ ]*\nlet xfm = transform l (Nope.f)\n",
			err: "dirA/t.aug:3:24: Could not find module Nope (looked for nope.aug in dirA)"},
		{name: "cycle", src: "module T = autoload xfm\nlet l = [ key /a/ ]*\nlet g = Lib.f\nlet xfm = transform l g\n",
			err: "dirA/lib.aug:3:9: module T depends on itself"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			ld := loader(&out, map[string]string{"t.aug": c.src, "lib.aug": lib})
			a, err := ld.Autoload("T")
			if c.err != "" {
				require.Error(t, err)
				assert.True(t, strings.HasPrefix(err.Error(), c.err), err.Error())
				return
			}
			require.NoError(t, err)
			if c.want == nil {
				assert.Nil(t, a)
				return
			}
			require.NotNil(t, a)
			assert.Equal(t, c.want, a.Filter)
		})
	}
}

// moduleNames lists the modules on a search path, the first directory
// holding a name winning, as a handle's autoload reads them.
func moduleNames(path []Dir) []string {
	seen := map[string]bool{}
	var names []string
	for _, d := range path {
		ms, _ := fs.Glob(d.FS, "*.aug")
		for _, m := range ms {
			n := strings.TrimSuffix(m, ".aug")
			if !seen[n] {
				seen[n] = true
				names = append(names, strings.ToUpper(n[:1])+n[1:])
			}
		}
	}
	sort.Strings(names)
	return names
}

// TestAutoloadSameAsEager: over lensnet's modules and Augeas's library,
// Autoload gives every module the filter its transform has when the
// module is loaded in full, and nothing to the modules without one; a
// module loaded in full after Autoload, and Autoload after a full load,
// agree too.
func TestAutoloadSameAsEager(t *testing.T) {
	path := []Dir{{Name: "(embedded)", FS: lenses.FS}, OSDir(augeasDist)}
	names := moduleNames(path)
	eager := NewLoader(Options{Path: path})
	lazy := NewLoader(Options{Path: path})
	withXfm := 0
	for _, n := range names {
		a, lerr := lazy.Autoload(n)
		m, err := eager.Load(n)
		if err != nil {
			t.Logf("%s does not load: %v", n, err)
			continue
		}
		require.NoError(t, lerr, n)
		tr, ok := m.Transform()
		if !ok {
			assert.Nil(t, a, n)
			continue
		}
		withXfm++
		require.NotNil(t, a, n)
		assert.Equal(t, m.Name, a.Module)
		assert.Equal(t, tr.Filter, a.Filter, n)
	}
	t.Logf("%d modules, %d with an autoload transform", len(names), withXfm)
	if len(names) < 100 {
		t.Skip("augeas-lenses not installed: only lensnet's modules compared")
	}
	// full loads after Autoload, then Autoload after them
	for _, n := range []string{"Hosts", "Shellvars", "Xorg", "Httpd"} {
		m, err := lazy.Load(n)
		require.NoError(t, err, n)
		tr, _ := m.Transform()
		want, _ := eager.Load(n)
		wt, _ := want.Transform()
		assert.Equal(t, wt.Filter, tr.Filter, n)
		assert.Equal(t, want.Names(), m.Names(), n)
		a, err := lazy.Autoload(n)
		require.NoError(t, err)
		assert.Equal(t, wt.Filter, a.Filter, n)
	}
}

// FuzzAutoload: for any module, Autoload never panics, and when the
// module loads in full, Autoload gives its transform's filter (or nil
// when it declares no autoload).
func FuzzAutoload(f *testing.F) {
	f.Add("module T = autoload xfm\nlet lns = [ key /a/ ]*\nlet filter = incl \"/a\" . Lib.ex\nlet xfm = transform lns filter\n")
	f.Add("module T = autoload xfm\nlet xfm = let f = incl \"/a\" . excl \"b\" in transform ([ key /a/ ]*) f\n")
	f.Add("module T = autoload xfm\nlet transform (l:lens) (f:string) = l\nlet xfm = transform (del /x/ \"x\") \"y\"\n")
	f.Add("module T = autoload xfm\nlet g = Lib.f\nlet xfm = transform ([ key /a/ ]*) g\n")
	f.Add("module T = autoload xfm\nlet f (x:string) = g . incl x\nlet g = incl \"/a\"\nlet xfm = transform ([ key /a/ ]*) (f \"/b\")\n")
	f.Fuzz(func(t *testing.T, src string) {
		lib := "module Lib =\nlet ex = excl \"*~\"\nlet f = T.filter\n"
		var out bytes.Buffer
		lazy := loader(&out, map[string]string{"t.aug": src, "lib.aug": lib})
		eager := loader(&out, map[string]string{"t.aug": src, "lib.aug": lib})
		a, aerr := lazy.Autoload("T")
		m, err := eager.Load("T")
		if err != nil {
			return
		}
		require.NoError(t, aerr)
		tr, ok := m.Transform()
		if !ok {
			assert.Nil(t, a)
			return
		}
		require.NotNil(t, a)
		assert.Equal(t, tr.Filter, a.Filter)
	})
}
