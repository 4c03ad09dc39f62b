package lenses_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/tree"
	"github.com/rogpeppe/go-internal/txtar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// update rewrites the generated sections of the golden files.
var update = os.Getenv("LENSNET_UPDATE") == "1"

// TestGolden runs the txtar cases under testdata/golden/<module>/. The
// archive comment names the lens and the file ("lens: Hosts",
// "file: /etc/hosts", and "final-newline: no" to drop the last newline
// of the input, which txtar cannot express); section "input" is the
// file's text (the lens reads it as Augeas's loader passes it, with a
// final newline added when missing) and the
// optional "edits" holds augtool-style commands (set, clear, rm, ins)
// on /files paths. The test computes "tree" (augtool's print form) or
// "get-error", and after the edits "output" or "put-error", and compares
// them with the file; LENSNET_UPDATE=1 rewrites those sections.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*/*.txtar")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(file, "testdata/golden/"), ".txtar")
		t.Run(name, func(t *testing.T) { runGolden(t, file) })
	}
}

// goldenCase is a parsed golden file.
type goldenCase struct {
	ar       *txtar.Archive
	module   string            // "lens:" line
	path     string            // "file:" line
	file     string            // the input as the file holds it
	sections map[string]string // by section name
}

func readGolden(t *testing.T, file string) *goldenCase {
	ar, err := txtar.ParseFile(file)
	require.NoError(t, err)
	meta := map[string]string{}
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			meta[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	c := &goldenCase{ar: ar, module: meta["lens"], path: meta["file"], sections: map[string]string{}}
	require.NotEmpty(t, c.module, "the archive comment needs a 'lens:' line")
	require.NotEmpty(t, c.path, "the archive comment needs a 'file:' line")
	for _, f := range ar.Files {
		c.sections[f.Name] = string(f.Data)
	}
	raw, ok := c.sections["input"]
	require.True(t, ok, "no input section")
	if meta["final-newline"] == "no" {
		raw = strings.TrimSuffix(raw, "\n")
	}
	c.file = raw
	return c
}

func runGolden(t *testing.T, file string) {
	c := readGolden(t, file)
	ar, module, path, sections := c.ar, c.module, c.path, c.sections
	input := loaderText(c.file)
	edits, hasEdits := sections["edits"]

	got := map[string]string{}
	l := lensOf(t, own(), module)
	root, lay, err := l.GetLayout(input)
	if err != nil {
		got["get-error"] = err.Error() + "\n"
	} else {
		got["tree"] = dump(root, path)
		// GetPut on every golden input
		checkGetPut(t, module, root, input)
		if hasEdits {
			top, fileNode := mount(root, path)
			tree.ClearChanges(fileNode) // as loaded
			if err := applyEdits(top, edits); err != nil {
				got["put-error"] = err.Error() + "\n"
			} else {
				// PutChanged, which copies the text of what did not
				// change (and knows the top level from the layout),
				// writes what Put writes
				changed, cerr := l.PutChangedLayout(fileNode, input, lay)
				out, err := l.Put(unmount(fileNode), input)
				assert.Equal(t, fmt.Sprint(err), fmt.Sprint(cerr), "PutChanged and Put disagree")
				assert.Equal(t, out, changed, "PutChanged and Put disagree")
				if err != nil {
					got["put-error"] = err.Error() + "\n"
				} else {
					got["output"] = out
				}
			}
		}
	}

	order := []string{"input", "edits", "tree", "get-error", "output", "put-error"}
	if update {
		var out txtar.Archive
		out.Comment = ar.Comment
		for _, name := range order {
			if name == "input" || name == "edits" {
				if v, ok := sections[name]; ok {
					out.Files = append(out.Files, txtar.File{Name: name, Data: []byte(v)})
				}
				continue
			}
			if v, ok := got[name]; ok {
				out.Files = append(out.Files, txtar.File{Name: name, Data: []byte(v)})
			}
		}
		data := txtar.Format(&out)
		if !bytes.Equal(data, mustRead(t, file)) {
			require.NoError(t, os.WriteFile(file, data, 0o644))
			t.Logf("updated %s", file)
		}
		return
	}
	for _, name := range order[2:] {
		want, inFile := sections[name]
		have, computed := got[name]
		switch {
		case inFile && !computed:
			t.Errorf("section %s is in the file but the case produced none (LENSNET_UPDATE=1 to rewrite)", name)
		case computed && !inFile:
			t.Errorf("the case produced section %s, missing from the file (LENSNET_UPDATE=1 to rewrite):\n%s", name, have)
		case computed:
			assert.Equal(t, want, have, "section %s (LENSNET_UPDATE=1 to rewrite)", name)
		}
	}
}

func mustRead(t *testing.T, file string) []byte {
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	return b
}
