package lenses_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/lensnet/lensnet/internal/cmdline"
	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/lens/lang"
	"github.com/lensnet/lensnet/lenses"
	"github.com/lensnet/lensnet/tree"
)

// shipped lists the lens modules of the package (the helpers are tested
// through them and through their own test modules).
var shipped = []string{"Shellvars", "Interfaces", "Sysctl", "Modprobe", "Hosts", "Resolv"}

// augeasDist is Augeas's lens library (Debian package augeas-lenses),
// the reference the compatibility tests compare with.
const augeasDist = "/usr/share/augeas/lenses/dist"

var (
	ownOnce, augOnce     sync.Once
	ownLoader, augLoader *lang.Loader
)

// own returns a loader that sees only the embedded modules.
func own() *lang.Loader {
	ownOnce.Do(func() {
		ownLoader = lang.NewLoader(lang.Options{Path: []lang.Dir{{Name: "(embedded)", FS: lenses.FS}}})
	})
	return ownLoader
}

// augeas returns a loader over Augeas's own library; the test fails when
// it is not installed (scripts/test.sh installs it).
func augeas(t testing.TB) *lang.Loader {
	t.Helper()
	if _, err := os.Stat(filepath.Join(augeasDist, "util.aug")); err != nil {
		t.Fatalf("Augeas's lens library is missing under %s: install the augeas-lenses package (scripts/test.sh does)", augeasDist)
	}
	augOnce.Do(func() {
		augLoader = lang.NewLoader(lang.Options{Path: []lang.Dir{lang.OSDir(augeasDist)}})
	})
	return augLoader
}

// transform returns a module's autoload transform.
func transform(t testing.TB, ld *lang.Loader, module string) *lang.Transform {
	t.Helper()
	m, err := ld.Load(module)
	if err != nil {
		t.Fatalf("load %s: %v", module, err)
	}
	tr, ok := m.Transform()
	if !ok {
		t.Fatalf("%s has no autoload transform", module)
	}
	return tr
}

// fixtureFile is a file of one of the sample roots under fixtures/.
type fixtureFile struct {
	root string // e.g. ../fixtures/rhel
	path string // absolute inside the root, e.g. /etc/hosts
}

// fixtures lists every regular file of every sample root, sorted.
func fixtures(t testing.TB) []fixtureFile {
	t.Helper()
	roots, err := filepath.Glob("../fixtures/*")
	if err != nil {
		t.Fatal(err)
	}
	var out []fixtureFile
	for _, r := range roots {
		if st, err := os.Stat(r); err != nil || !st.IsDir() || filepath.Base(r) == "lang" {
			continue
		}
		err := filepath.WalkDir(r, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			rel, _ := filepath.Rel(r, p)
			out = append(out, fixtureFile{root: r, path: "/" + filepath.ToSlash(rel)})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].root+out[i].path < out[j].root+out[j].path })
	return out
}

// claimed returns the fixtures a module's filter claims, with their text
// (a final newline appended as Augeas's loader does).
func claimed(t testing.TB, module string) map[string]string {
	t.Helper()
	f := transform(t, own(), module).Filter
	out := map[string]string{}
	for _, fx := range fixtures(t) {
		if !f.Matches(fx.path) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(fx.root, filepath.FromSlash(fx.path)))
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(fx.root)+fx.path] = loaderText(string(b))
	}
	return out
}

// loaderText is a file's text as Augeas's loader hands it to the lens:
// a final newline is added when missing, to an empty file too.
func loaderText(text string) string {
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	return text
}

// mount hangs the top-level nodes of a file's tree under
// /files/<file>, so that edits can use augtool's absolute paths.
func mount(root *tree.Node, file string) (top, fileNode *tree.Node) {
	top = tree.NewHidden()
	cur := top
	for _, seg := range strings.Split(strings.Trim("files"+file, "/"), "/") {
		n := tree.New(seg)
		cur.Append(n)
		cur = n
	}
	kids := append([]*tree.Node(nil), root.Children()...)
	root.SetChildren(nil)
	cur.SetChildren(kids)
	return top, cur
}

// unmount returns a file node's children under a fresh root, the shape
// Put expects.
func unmount(fileNode *tree.Node) *tree.Node {
	root := tree.NewHidden()
	kids := append([]*tree.Node(nil), fileNode.Children()...)
	fileNode.SetChildren(nil)
	root.SetChildren(kids)
	return root
}

// dump prints a file's tree as augtool's print /files/<file> does.
func dump(root *tree.Node, file string) string {
	var b strings.Builder
	b.WriteString("/files" + file + "\n")
	for _, line := range strings.SplitAfter(tree.Dump(root), "\n") {
		if line != "" {
			b.WriteString("/files" + file + line)
		}
	}
	return b.String()
}

// applyEdits runs augtool-style edit commands, one per line, on a tree
// mounted under /files: set PATH VALUE, clear PATH, rm PATH,
// ins LABEL before|after PATH. Blank lines and # comments are skipped.
func applyEdits(top *tree.Node, script string) error {
	for i, line := range strings.Split(script, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		args, err := cmdline.Split(line)
		if err == nil {
			err = applyEdit(top, args)
		}
		if err != nil {
			return fmt.Errorf("edit %d (%s): %w", i+1, line, err)
		}
	}
	return nil
}

func applyEdit(top *tree.Node, args []string) error {
	need := map[string]int{"set": 3, "clear": 2, "rm": 2, "ins": 4}
	if len(args) == 0 {
		return fmt.Errorf("empty command")
	}
	if n, ok := need[args[0]]; !ok || len(args) != n {
		return fmt.Errorf("unknown command or wrong number of arguments")
	}
	p, err := tree.ParsePath(args[len(args)-1])
	if args[0] == "set" {
		p, err = tree.ParsePath(args[1])
	}
	if err != nil {
		return err
	}
	switch args[0] {
	case "set", "clear":
		n, err := p.Create(top)
		if err != nil {
			return err
		}
		if args[0] == "set" {
			n.SetValue(args[2])
		} else {
			n.ClearValue()
		}
	case "rm":
		ns, err := p.Match(top)
		if err != nil {
			return err
		}
		for _, n := range ns {
			n.Detach()
		}
	case "ins":
		ns, err := p.Match(top)
		if err != nil {
			return err
		}
		if len(ns) != 1 || ns[0].Parent() == nil {
			return fmt.Errorf("path must match exactly one node, not %d", len(ns))
		}
		at := ns[0].Index()
		switch args[2] {
		case "after":
			at++
		case "before":
		default:
			return fmt.Errorf("ins: where must be before or after, not %q", args[2])
		}
		ns[0].Parent().Insert(at, tree.New(args[1]))
	}
	return nil
}

// lensOf returns a module's lns from a loader.
func lensOf(t testing.TB, ld *lang.Loader, module string) *lens.Lens {
	t.Helper()
	l, err := ld.Lens(module + ".lns")
	if err != nil {
		t.Fatalf("%s.lns: %v", module, err)
	}
	return l
}

// checkGetPut asserts the GetPut law, put(get(x), x) == x, for a tree
// just read from text. Some of Augeas's lenses break it on some inputs
// (Shellvars writes "a=b ;;" in a case branch back as "a=b\n ;;";
// Sysctl reads "0\n" into a tree it cannot write); ours must then do
// exactly what Augeas's lens does.
func checkGetPut(t testing.TB, module string, root *tree.Node, text string) {
	t.Helper()
	out, err := lensOf(t, own(), module).Put(root, text)
	if err == nil && out == text {
		return
	}
	theirs := lensOf(t, augeas(t), module)
	ref, refErr := theirs.Get(text)
	var refOut string
	if refErr == nil {
		refOut, refErr = theirs.Put(ref, text)
	}
	switch {
	case err != nil && refErr != nil:
		return // Augeas's lens cannot write it back either (Sysctl on "0\n")
	case err != nil:
		t.Fatalf("GetPut: put of the unchanged tree failed: %v\n%s", err, tree.Dump(root))
	case refErr == nil && refOut == out:
		return
	}
	t.Fatalf("GetPut: put(get(x), x) != x, and Augeas's lens does not write the same\nx:   %q\nput: %q", text, out)
}
