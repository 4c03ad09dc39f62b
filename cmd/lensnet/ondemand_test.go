package main

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// onDemandRoot is a root whose files make reading on demand work: files
// that fail to parse first, last and alone in their folders, a folder
// whose first file fails and whose next one comes from a later
// transform (so that it moves past its siblings), a file two
// transforms claim, a transform without a lens.
var onDemandRoot = map[string]string{
	"etc/hosts":        "127.0.0.1 localhost\n10.0.0.1 a b\n",
	"etc/h/a":          "garbage!\n",
	"etc/h/b":          "10.0.0.2 b\n",
	"etc/h/c":          "!!\n",
	"etc/h/d":          "10.0.0.4 d d2\n",
	"etc/bad/x":        "garbage!\n",
	"etc/bad/y":        "?\n",
	"etc/mix/0":        "oops\n",
	"etc/mix/2":        "nameserver 1.1.1.1\n",
	"etc/m2/0":         "garbage!\n",
	"etc/m2/1":         "10.2.2.2 m2\n",
	"etc/sv/one/f":     "A=1\n",
	"etc/sv/two/f":     "A=1 = =\n",
	"etc/sv/three/f":   "B=\"x\"\n",
	"etc/resolv.conf":  "nameserver 9.9.9.9\n",
	"etc/dup":          "1.2.3.4 dup\n",
	"etc/zz/last":      "10.9.9.9 last\n",
	"etc/zz/sub/first": "garbage!\n",
}

// onDemandOptions load onDemandRoot's files.
var onDemandOptions = []string{"-A",
	"-t", "Hosts incl /etc/h/*", "-t", "Hosts incl /etc/bad/*", "-t", "Hosts incl /etc/mix/0",
	"-t", "Hosts incl /etc/m2/0", "-t", "Hosts incl /etc/hosts", "-t", "Hosts incl /etc/m2/1", "-t", "Hosts incl /etc/dup", "-t", "Hosts incl /etc/zz/sub/*",
	"-t", "Shellvars incl /etc/sv/*/f", "-t", "Resolv incl /etc/mix/2", "-t", "Resolv incl /etc/resolv.conf",
	"-t", "Resolv incl /etc/dup", "-t", "Hosts incl /etc/zz/last", "-t", "Nope incl /etc/nope"}

func writeRoot(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, text := range files {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, p), []byte(text), 0o644))
	}
	return dir
}

// onDemandPaths are the paths the random scripts use: literal ones
// into files, folders, files that fail and nodes that do not exist, and
// the kinds that reach every file.
var onDemandPaths = []string{
	"/files/etc/hosts", "/files/etc/hosts/1", "/files/etc/hosts/1/ipaddr", "/files/etc/hosts/2/alias[2]",
	"/files/etc/h", "/files/etc/h/a", "/files/etc/h/b", "/files/etc/h/b/1/canonical", "/files/etc/h/*",
	"/files/etc/h/d/1/alias", "/files/etc/mix", "/files/etc/mix/2/nameserver", "/files/etc/mix/0",
	"/files/etc/bad", "/files/etc/bad/x", "/files/etc/sv", "/files/etc/sv/two", "/files/etc/sv/two/f/A",
	"/files/etc/sv/one/f/A", "/files/etc/sv/*/f", "/files/etc/zz", "/files/etc/zz/sub", "/files/etc/zz/last/1",
	"/files/etc/new/x", "/files/etc/h/new", "/files/etc/bad/new", "/files/etc/sv/two/g", "/files/etc/zz/sub/n",
	"/files/etc/m2", "/files/etc/m2/1/ipaddr", "/files/etc", "/files/etc/*", "/files/etc/h[1]",
	"/files/etc/hosts/*[ipaddr = /files/etc/h/b/1/ipaddr]", "/files", "/files/*", "/files//canonical",
	"/files/etc//ipaddr", "/augeas/files//error", "/augeas/load/Nope", "/augeas/files/etc/h",
	"/", "$x", "$x/1", "/files/etc/dup", "/files/etc/resolv.conf/nameserver", "etc/hosts/1/ipaddr",
	"/files/etc/mix/2/..", "/files/etc/h/b/following-sibling::*",
}

var onDemandCommands = []string{
	"get P", "match P", "print P", "ls P", "count P", "label P", "source P", "dump-xml P",
	"set P v1", "set P", "clear P", "rm P", "touch P", "ins lbl before P", "ins lbl after P",
	"mv S Q", "cp S Q", "rename P lbl2", "setm P 1/ipaddr 9.9.9.9", "setm P * sv", "clearm P canonical",
	"defvar x P", "defnode y P v2", "errors", "save", "context", "set /augeas/context P",
	"set /augeas/context /files", "load",
}

var mtime = regexp.MustCompile(`mtime = "?[0-9]+"?|(<node label="mtime">\s*<value>)[0-9]+(</value>)`)

// TestOnDemandRandom runs random command scripts on onDemandRoot with
// files read on demand and with every file read at start: the same
// standard output, standard error, exit status and files afterwards.
func TestOnDemandRandom(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 60
	}
	rng := rand.New(rand.NewPCG(21, 21))
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	for i := range n {
		var b strings.Builder
		for range 1 + rng.IntN(7) {
			c := pick(onDemandCommands)
			c = strings.Replace(c, "P", pick(onDemandPaths), 1)
			// mv and cp leave "/files" and "/" alone: moving /files away,
			// or into the root, breaks lensnet whichever way it loads (a
			// bug of its own)
			movable := func() string {
				p := pick(onDemandPaths)
				for p == "/files" || p == "/" || strings.HasPrefix(p, "$") {
					p = pick(onDemandPaths)
				}
				return p
			}
			c = strings.Replace(c, "S", movable(), 1)
			c = strings.Replace(c, "Q", movable(), 1)
			b.WriteString(c + "\n")
		}
		if rng.IntN(3) == 0 {
			b.WriteString("save\n")
		}
		if rng.IntN(2) == 0 {
			b.WriteString("print /files\nprint /augeas/files\n")
		}
		script := b.String()
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			type result struct {
				out, err string
				status   int
				files    map[string]string
			}
			runMode := func(cfg config, warm bool) result {
				root := writeRoot(t, onDemandRoot)
				var out, errOut bytes.Buffer
				args := append([]string{"-r", root}, onDemandOptions...)
				if warm {
					// a first command fills the parse cache (TestMain's
					// LENSNET_CACHE) for this root: the script then
					// takes every tree it reads from there
					require.Zero(t, runWith(cfg, args, strings.NewReader("print /files\n"), io.Discard, io.Discard))
				}
				status := runWith(cfg, args, strings.NewReader(script), &out, &errOut)
				norm := func(s string) string {
					// the two runs may read their files in different seconds
					return mtime.ReplaceAllStringFunc(strings.ReplaceAll(s, root, "ROOT"), func(m string) string {
						if strings.HasPrefix(m, "mtime") {
							return "mtime = N"
						}
						return mtime.ReplaceAllString(m, "${1}N${2}")
					})
				}
				return result{norm(out.String()), norm(errOut.String()), status, readTree(t, root)}
			}
			want := runMode(config{loadAll: true}, false)
			for _, warm := range []bool{false, true} {
				got := runMode(config{}, warm)
				assert.Equal(t, want.out, got.out, "stdout of\n%s(parse cache warm: %v)", script, warm)
				assert.Equal(t, want.err, got.err, "stderr of\n%s(parse cache warm: %v)", script, warm)
				assert.Equal(t, want.status, got.status, "exit status of\n%s(parse cache warm: %v)", script, warm)
				assert.Equal(t, want.files, got.files, "files after\n%s(parse cache warm: %v)", script, warm)
			}
		})
	}
}
