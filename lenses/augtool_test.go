package lenses_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGoldenAgainstAugtool replays every golden case with augtool 1.14
// and Augeas's lens of the same name (packages augeas-tools and
// augeas-lenses, installed by scripts/test.sh): its print of the file
// must equal the "tree" section, a "get-error" case must fail there at
// the same line and column, and after the same edits and a save the
// file must hold the "output" section (a "put-error" case must fail to
// save there too).
func TestGoldenAgainstAugtool(t *testing.T) {
	augtool, err := exec.LookPath("augtool")
	if err != nil {
		t.Fatal("augtool is missing: install the augeas-tools package (scripts/test.sh does)")
	}
	files, err := filepath.Glob("testdata/golden/*/*.txtar")
	require.NoError(t, err)
	for _, file := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(file, "testdata/golden/"), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c := readGolden(t, file)
			module, path, input, sections := c.module, c.path, c.file, c.sections
			root := t.TempDir()
			target := filepath.Join(root, filepath.FromSlash(path))
			require.NoError(t, os.MkdirAll(filepath.Dir(target), 0o755))
			require.NoError(t, os.WriteFile(target, []byte(input), 0o644))
			aug := func(script string) string {
				cmd := exec.Command(augtool, "-r", root, "-A", "-I", augeasDist, "-t", module+" incl "+path)
				cmd.Stdin = strings.NewReader(script)
				out, _ := cmd.CombinedOutput()
				return string(out)
			}
			out := aug("print /files" + path + "\n")
			if want, ok := sections["tree"]; ok {
				assert.Equal(t, want, out, "augtool print")
			} else {
				assert.Empty(t, out, "augtool reads a file our lens refuses")
			}
			if want, ok := sections["get-error"]; ok {
				// the failure is where augtool places it: "LINE:COL: ..."
				// against error/line and error/char (counted from 0)
				var line, col int
				_, err := fmt.Sscanf(want, "%d:%d:", &line, &col)
				require.NoError(t, err, "get-error %q", want)
				meta := "/augeas/files" + path + "/error"
				got := aug("get " + meta + "/line\nget " + meta + "/char\n")
				assert.Equal(t, fmt.Sprintf("%s/line = %d\n%s/char = %d\n", meta, line, meta, col-1), got, "augtool's error position")
			}
			edits, ok := sections["edits"]
			if !ok || sections["tree"] == "" {
				return
			}
			log := aug(edits + "\nsave\n")
			saved, err := os.ReadFile(target)
			require.NoError(t, err)
			if want, ok := sections["output"]; ok {
				assert.Equal(t, want, string(saved), "file saved by augtool (augtool said: %s)", log)
			} else {
				assert.Equal(t, input, string(saved), "augtool saved a tree our lens refuses")
				assert.Contains(t, log, "saving failed")
			}
		})
	}
}
