package backendstest

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// CopyDir copies the tree src into dst.
func CopyDir(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Hash returns every file under dir with a hash of its content, to
// check that nothing changed.
func Hash(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Files lists the files under dir, relative and sorted.
func Files(t testing.TB, dir string) []string {
	var out []string
	for p := range Hash(t, dir) {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Changed describes the files that differ between two trees (missing,
// new, or changed with both contents), "" when none do.
func Changed(t testing.TB, a, b string) string {
	t.Helper()
	ha, hb := Hash(t, a), Hash(t, b)
	var out []string
	for p, h := range ha {
		switch hb[p] {
		case h:
		case "":
			out = append(out, "removed "+p)
		default:
			x, _ := os.ReadFile(filepath.Join(a, p))
			y, _ := os.ReadFile(filepath.Join(b, p))
			out = append(out, "changed "+p+":\n--- before\n"+string(x)+"--- after\n"+string(y))
		}
	}
	for p := range hb {
		if _, ok := ha[p]; !ok {
			out = append(out, "new "+p)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}
