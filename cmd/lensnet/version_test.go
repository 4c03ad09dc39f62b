package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestVersionFromVCS builds lensnet in a git checkout, as go build and
// go install do since Go 1.24: the main module's version is then a
// pseudo-version from the commit (v0.0.0-TIME-REV, +dirty when the tree
// has changes), which --version must print. The checkout is a copy of
// the module committed into a fresh repository: a linked worktree's
// .git is a file, where go build stamps nothing (golang/go#58218), and
// the version is "devel" then.
func TestVersionFromVCS(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short: builds lensnet")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("skipped: no go command: %v", err)
	}
	gitbin, err := exec.LookPath("git")
	if err != nil {
		t.Skipf("skipped: no git command: %v", err)
	}
	src, err := filepath.Abs("../..")
	require.NoError(t, err)
	repo := t.TempDir()
	require.NoError(t, filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.Name() == ".git" { // a directory, or a worktree's file naming one
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(repo, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(repo, rel), b, 0o644)
	}))
	git := func(args ...string) string {
		cmd := exec.Command(gitbin, append([]string{"-c", "user.name=lensnet test", "-c", "user.email=test@example.org",
			"-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = repo
		// only the new repository, whatever git finds around it
		cmd.Env = append(os.Environ(), "GIT_DIR="+filepath.Join(repo, ".git"), "GIT_WORK_TREE="+repo,
			"GIT_CEILING_DIRECTORIES="+filepath.Dir(repo), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "git %v: %s", args, out)
		return strings.TrimSpace(string(out))
	}
	require.NoFileExists(t, filepath.Join(repo, ".git"))
	git("init", "-q", repo)
	require.Equal(t, filepath.Join(repo, ".git"), git("rev-parse", "--absolute-git-dir"))
	git("add", "-A")
	git("commit", "-q", "-m", "snapshot")
	rev := git("rev-parse", "HEAD")

	version := func() string {
		bin := filepath.Join(t.TempDir(), "lensnet")
		// -buildvcs=true: stamp even where GOFLAGS turns it off;
		// -trimpath: the copy's packages are those buildLensnet built
		build := exec.Command(gobin, "build", "-buildvcs=true", "-trimpath", "-o", bin, "./cmd/lensnet")
		build.Dir = repo
		out, err := build.CombinedOutput()
		require.NoError(t, err, "%s", out)
		out, err = exec.Command(bin, "--version").CombinedOutput()
		require.NoError(t, err, "%s", out)
		return string(out)
	}
	want := `\Alensnet v0\.0\.0-\d{14}-` + rev[:12] + `%s \(Augeas 1\.14\.0 compatible\)\n\z`
	assert.Regexp(t, regexp.MustCompile(strings.Replace(want, "%s", "", 1)), version())

	require.NoError(t, os.WriteFile(filepath.Join(repo, "README.md"), []byte("changed\n"), 0o644))
	assert.Regexp(t, regexp.MustCompile(strings.Replace(want, "%s", `\+dirty`, 1)), version(), "a tree with changes")
}
