package lensnet_test

import (
	"go/build"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "github.com/lensnet/lensnet"

// layers is ../shared/DESIGN.md's package table as data: for each
// package of the module (by its folder; "." is the module root), the
// packages of ours it may import. Arrows only point down: a package
// imports only what sits below it. internal/... helpers that import
// nothing of ours may be imported by anyone; cmd/... may import
// anything. A new package must be placed here.
var layers = map[string][]string{
	// the bottom: nothing of ours
	"regular":                    {},
	"lens/source":                {},
	"lenses":                     {},
	"internal/cmdline":           {},
	"internal/files":             {},
	"internal/gen":               {},
	"internal/tmpfstest":         {},
	"internal/reftest":           {},
	"internal/xmlenum":           {},
	"internal/kernel":            {},
	"internal/nft":               {},
	"internal/xmlscan":           {},
	"internal/dnsmasq":           {},
	"internal/workers":           {},
	"tree":                       {"regular"},
	"lens/syntax":                {"lens/source"},
	"lens/internal/lensbuild":    {"lens/source"},
	"lens":                       {"regular", "tree", "lens/source", "lens/internal/lensbuild"},
	"lens/lang":                  {"regular", "tree", "lens", "lens/source", "lens/syntax", "lens/internal/lensbuild"},
	".":                          {"regular", "tree", "lens", "lens/source", "lens/lang", "lenses"},
	"xform":                      {"tree"},
	"backends":                   {".", "tree", "xform"},
	"backends/backendstest":      {"backends", "iface/ifxml", "iface/ifxml/ifxmltest"},
	"backends/initscripts":       {".", "tree", "xform", "backends"},
	"iface":                      {".", "iface/ifxml", "backends"},
	"iface/ifxml":                {},
	"iface/ifxml/ifxmltest":      {"iface/ifxml"},
	"backends/debian":            {".", "tree", "xform", "backends"},
	"internal/kernel/kerneltest": {"internal/kernel"},
	"vnet":                       {"vnet/netxml"},
	"vnet/netxml":                {},
	"vnet/netxml/netxmltest":     {"vnet/netxml"},
	// benchmark tools sit at the top, beside cmd/
	"bench/serverroot": {".", "lens", "lens/lang", "lens/syntax", "lenses"},
}

// leaves may be imported from any layer: they import nothing of ours
// and hold no concept of the layers (a worker pool, a tokeniser, file
// access confined to a root).
var leaves = []string{"internal/cmdline", "internal/dnsmasq", "internal/files", "internal/gen", "internal/kernel", "internal/nft", "internal/reftest", "internal/xmlenum", "internal/tmpfstest", "internal/workers", "internal/xmlscan"}

func TestImportsPointDown(t *testing.T) {
	dirs := map[string]bool{}
	require.NoError(t, filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			dirs[filepath.ToSlash(filepath.Dir(p))] = true
		}
		return nil
	}))
	require.Contains(t, dirs, "tree", "run from the module root")
	for dir := range dirs {
		pkg, err := build.Default.ImportDir(dir, 0)
		require.NoError(t, err, dir)
		ours := ourImports(pkg.Imports)
		if dir == "cmd" || strings.HasPrefix(dir, "cmd/") {
			continue // commands may import anything
		}
		allowed, known := layers[dir]
		if !assert.True(t, known, "package %s is not in the layer table (layers_test.go): place it", dir) {
			continue
		}
		for _, imp := range ours {
			if slices.Contains(allowed, imp) || slices.Contains(leaves, imp) {
				continue
			}
			t.Errorf("%s imports %s: an arrow that does not point down DESIGN's table", dir, imp)
		}
		if dir == "tree" || dir == "regular" {
			for _, imp := range ours {
				assert.False(t, imp == "lens" || strings.HasPrefix(imp, "lens/"), "%s imports %s: the tree and the automata know nothing of lenses", dir, imp)
			}
		}
	}
}

// ourImports returns the module's packages among imports, as folders
// relative to the module root ("." for the root package).
func ourImports(imports []string) []string {
	var ours []string
	for _, imp := range imports {
		switch {
		case imp == module:
			ours = append(ours, ".")
		case strings.HasPrefix(imp, module+"/"):
			ours = append(ours, path.Clean(strings.TrimPrefix(imp, module+"/")))
		}
	}
	return ours
}

// TestLayerTableRejectsUpwardArrows makes sure the check above can
// fail: tree importing lens, and lens importing the handle, are
// refused by the table.
func TestLayerTableRejectsUpwardArrows(t *testing.T) {
	for _, c := range []struct{ from, to string }{{"tree", "lens"}, {"lens", "."}, {"regular", "tree"}, {"lens/syntax", "lens"}, {"xform", "lens"}} {
		assert.NotContains(t, layers[c.from], c.to, "%s -> %s", c.from, c.to)
		assert.NotContains(t, leaves, c.to)
	}
}
