package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/creack/pty"
	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lensnet/lensnet"
	"github.com/lensnet/lensnet/internal/cmdline"
	"github.com/lensnet/lensnet/tree"
)

// oddLabels are labels that need escaping, put under /files/t.
var oddLabels = []string{"a b", "a[c", `q\r`, "it's", `say "hi"`, "x or y", "trail ", " lead",
	"tab\there", "line\nfeed", "s/l", "e=q", "p(1)", "bang!", "c,d", "all|any", "two  blanks"}

// completionShell opens a shell on a small root in memory: /etc/hosts
// (two hosts, the first with two aliases) and /files/t with oddLabels
// ("a[c" with a child, p a leaf, dup twice).
func completionShell(t testing.TB) *shell {
	t.Helper()
	fs := afero.NewMemMapFs()
	require.NoError(t, afero.WriteFile(fs, "/etc/hosts", []byte("127.0.0.1 localhost a1 a2\n::1 ip6-localhost\n"), 0o644))
	h, err := lensnet.Open(lensnet.Options{Fs: fs, NoAutoload: true, Transforms: []string{"Hosts incl /etc/hosts"}})
	require.NoError(t, err)
	files, err := h.MatchNodes("/files")
	require.NoError(t, err)
	tn := tree.New("t")
	files[0].Append(tn)
	for _, l := range oddLabels {
		tn.Append(tree.NewValue(l, "v"))
	}
	tn.Append(tree.New("p"), tree.New("dup"), tree.New("dup"))
	ac, err := h.MatchNodes(`/files/t/a\[c`)
	require.NoError(t, err)
	require.Len(t, ac, 1)
	ac[0].Append(tree.New("d"))
	_, err = h.DefineVariable("h", "/files/etc/hosts/1")
	require.NoError(t, err)
	return &shell{h: h, p: &printer{out: io.Discard, errw: io.Discard}}
}

func TestCompleteCommands(t *testing.T) {
	s := completionShell(t)
	var all []string
	for _, c := range commands {
		for _, name := range c.names() {
			all = append(all, name+" ")
		}
	}
	slices.Sort(all)
	for _, c := range []struct {
		name, line, head string
		want             []string
	}{
		{"empty line: every command", "", "", all},
		{"prefix", "ge", "", []string{"get "}},
		{"after blanks", "  ge", "  ", []string{"get "}},
		{"no such command", "zz", "", nil},
		{"help's argument", "help ge", "help ", []string{"get "}},
	} {
		t.Run(c.name, func(t *testing.T) {
			head, items, tail := s.complete(c.line, utf8.RuneCountInString(c.line))
			assert.Equal(t, c.head, head)
			assert.Equal(t, c.want, items)
			assert.Empty(t, tail)
		})
	}
	// whatever commands the table holds, a prefix gives exactly those
	_, items, _ := s.complete("p", 1)
	for _, it := range items {
		assert.True(t, strings.HasPrefix(it, "p"), it)
		assert.NotNil(t, lookup(strings.TrimSuffix(it, " ")), it)
	}
	assert.Contains(t, items, "print ")
}

func TestCompletePaths(t *testing.T) {
	s := completionShell(t)
	for _, c := range []struct {
		name, line, head string
		want             []string
	}{
		{"top level", "get /", "get /", []string{"augeas/", "files/"}},
		{"one step, has children", "get /fi", "get /", []string{"files/"}},
		{"children listed", "ls /files/etc/hosts/", "ls /files/etc/hosts/", []string{"1/", "2/"}},
		{"leaves without slash, repeated labels indexed", "get /files/etc/hosts/1/",
			"get /files/etc/hosts/1/", []string{"alias[1]", "alias[2]", "canonical", "ipaddr"}},
		{"prefix", "get /files/etc/hosts/1/ca", "get /files/etc/hosts/1/", []string{"canonical"}},
		{"into the index", "get /files/etc/hosts/1/alias[", "get /files/etc/hosts/1/", []string{"alias[1]", "alias[2]"}},
		{"index typed", "get /files/etc/hosts/1/alias[2", "get /files/etc/hosts/1/", []string{"alias[2]"}},
		{"no index on a unique label", "get /files/etc/hosts/1/ipaddr[", "get /files/etc/hosts/1/", nil},
		{"relative to /files", "get et", "get ", []string{"etc/"}},
		{"relative, two steps", "get etc/ho", "get etc/", []string{"hosts/"}},
		{"predicate before the step", "get /files/etc/hosts/*[ipaddr='::1']/ca",
			"get /files/etc/hosts/*[ipaddr='::1']/", []string{"canonical"}},
		{"slash inside a predicate is no step", "get /files/etc/hosts/*[ipaddr='1/2", "", nil},
		{"variable", "get $h/ip", "get $h/", []string{"ipaddr"}},
		{"several parents, no duplicates", "get /files/etc/hosts/*/ip", "get /files/etc/hosts/*/", []string{"ipaddr"}},
		{"descendants", "get /files//ipa", "get /files//", []string{"ipaddr"}},
		{"escaped labels", "ls /files/t/a", "ls /files/t/", []string{`a\ b`, `a\[c/`, `all\|any`}},
		{"escaped prefix typed", `ls /files/t/a\[`, "ls /files/t/", []string{`a\[c/`}},
		{"escaped blank typed", `ls /files/t/a\ `, "ls /files/t/", []string{`a\ b`}},
		{"double quotes", `get "/files/t/a`, `get "/files/t/`, []string{`a\ b`, `a\[c/`, `all\|any`}},
		{"single quotes, relative", `get 'et`, `get '`, []string{"etc/"}},
		{"labels repeated in /files/t", "get /files/t/du", "get /files/t/", []string{"dup[1]", "dup[2]"}},
		{"second path of mv", "mv /files/t/p /files/t/d", "mv /files/t/p /files/t/", []string{"dup[1]", "dup[2]"}},
		{"third argument of ins", "ins x before /files/t/p", "ins x before /files/t/", []string{"p", `p\(1\)`}},
		{"label argument of ins", "ins /files/t/p", "", nil},
		{"value argument of set", "set /files/t/p /files/t/p", "", nil},
		{"unknown command", "bogus /fi", "", nil},
		{"bad path", "get /files/(/", "", nil},
		{"unmatched ]", "get /files]/", "", nil},
		{"dangling escape", `get /files/\`, "", nil},
		{"no match", "get /nothing/", "get /nothing/", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			head, items, tail := s.complete(c.line, utf8.RuneCountInString(c.line))
			if c.want != nil {
				assert.Equal(t, c.head, head)
			}
			assert.Equal(t, c.want, items)
			assert.Empty(t, tail)
		})
	}
}

func TestCompleteMidLine(t *testing.T) {
	s := completionShell(t)
	line := "mv /fi /files/t/p"
	head, items, tail := s.complete(line, len("mv /fi"))
	assert.Equal(t, "mv /", head)
	assert.Equal(t, []string{"files/"}, items)
	assert.Equal(t, " /files/t/p", tail)
	// runes, not bytes: é is one position
	head, items, tail = s.complete("get é /fi", len([]rune("get é /fi")))
	assert.Empty(t, items, "é is get's path, /fi a second argument")
	assert.Equal(t, "get é /fi", head)
	assert.Empty(t, tail)
}

// TestCompleteEscapingRoundTrip types each odd label's completion and
// checks that augtool's tokeniser and the path language read it back
// as that one node, outside quotes and inside both kinds.
func TestCompleteEscapingRoundTrip(t *testing.T) {
	s := completionShell(t)
	for _, l := range oddLabels {
		for _, q := range []string{"", `"`, "'"} {
			t.Run(q+l, func(t *testing.T) {
				// type the label's first byte, unless that needs escaping
				typed := ""
				if strings.IndexByte(`[]|/=()!, '"\`, l[0]) < 0 && l[0] != '\t' {
					typed = l[:1]
				}
				line := "get " + q + "/files/t/" + typed
				head, items, _ := s.complete(line, utf8.RuneCountInString(line))
				require.Equal(t, "get "+q+"/files/t/", head)
				var mine []string
				for _, it := range items {
					full := head + strings.TrimSuffix(it, "/") + q
					words, err := cmdline.Split(full)
					require.NoError(t, err, full)
					require.Len(t, words, 2, full)
					ns, err := s.h.MatchNodes(words[1])
					require.NoError(t, err, full)
					require.Len(t, ns, 1, full)
					if got, _ := ns[0].Label(); got == l {
						mine = append(mine, it)
					}
				}
				assert.Len(t, mine, 1, "one completion of %q names it (line %q: %q)", l, line, items)
			})
		}
	}
	// the plain form augtool shows for a blank inside a label
	_, items, _ := s.complete("get /files/t/a", 14)
	assert.Contains(t, items, `a\ b`)
}

func FuzzComplete(f *testing.F) {
	for _, seed := range []string{"", "get /files/etc/hosts/1/al", `ls "/files/t/a\ `, "mv /fi /files/t/p",
		"get /files/etc/hosts/*[ipaddr='::1']/", `get '\`, "help pr", "ins a after $h/", "get //", "get ]["} {
		f.Add(seed, len(seed))
	}
	s := completionShell(f)
	f.Fuzz(func(t *testing.T, line string, pos int) {
		head, items, tail := s.complete(line, pos)
		runes := []rune(line)
		p := min(max(pos, 0), len(runes))
		assert.Equal(t, string(runes[p:]), tail)
		assert.True(t, strings.HasPrefix(string(runes[:p]), head), "head %q", head)
		for _, it := range items {
			assert.True(t, utf8.ValidString(it), it)
		}
	})
}

// terminal is a lensnet process on a pseudo-terminal.
type terminal struct {
	t    *testing.T
	pty  *os.File
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
	seen int // output already matched by expect
	done chan struct{}
}

// startTerminal runs cmd on a new 100x24 pseudo-terminal, skipping the
// test when none can be opened.
func startTerminal(t *testing.T, cmd *exec.Cmd) *terminal {
	t.Helper()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 100})
	if err != nil {
		t.Skipf("skipped: cannot open a pseudo-terminal here: %v", err)
	}
	term := &terminal{t: t, pty: f, cmd: cmd, done: make(chan struct{})}
	go func() {
		defer close(term.done)
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			term.mu.Lock()
			term.out.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		f.Close()
	})
	return term
}

// send types keys.
func (term *terminal) send(keys string) {
	term.t.Helper()
	_, err := term.pty.Write([]byte(keys))
	require.NoError(term.t, err)
}

// expect waits until the output after the last match contains want.
func (term *terminal) expect(want string) {
	term.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		term.mu.Lock()
		out := term.out.String()
		term.mu.Unlock()
		if i := strings.Index(out[term.seen:], want); i >= 0 {
			term.seen += i + len(want)
			return
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("waited for %q; the terminal shows:\n%q", want, out[term.seen:])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// rest is what the terminal showed after the last text expect found.
func (term *terminal) rest() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.out.String()[term.seen:]
}

// wait waits for the process to end and returns its exit status.
func (term *terminal) wait() int {
	term.t.Helper()
	select {
	case <-term.done:
	case <-time.After(15 * time.Second):
		term.t.Fatal("lensnet did not end")
	}
	err := term.cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	require.NoError(term.t, err)
	return 0
}

// buildLensnet builds the command for the pseudo-terminal tests.
func buildLensnet(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("skipped: no go command to build lensnet: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "lensnet")
	// -trimpath: TestVersionFromVCS builds the same packages elsewhere
	out, err := exec.Command(gobin, "build", "-trimpath", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "%s", out)
	return bin
}

// TestInteractiveTerminal drives the shell on a pseudo-terminal: Tab
// completion, a failing command, Ctrl-C, history within a session and
// across sessions (the history file), quit and Ctrl-D, -i after a
// script from -f and from a pipe.
func TestInteractiveTerminal(t *testing.T) {
	bin := buildLensnet(t)
	root, home := t.TempDir(), t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "etc"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, "etc", "hosts"), []byte("127.0.0.1 localhost a1\n::1 ip6-localhost\n"), 0o644))
	lensnetCmd := func(args ...string) *exec.Cmd {
		cmd := exec.Command(bin, append([]string{"-r", root, "-A", "-t", "Hosts incl /etc/hosts"}, args...)...)
		cmd.Env = append(os.Environ(), "HOME="+home, "TERM=xterm")
		return cmd
	}
	history := filepath.Join(home, ".augeas", "history")

	t.Run("session", func(t *testing.T) {
		term := startTerminal(t, lensnetCmd())
		term.expect("augtool> ")
		term.send("get /files/etc/ho\t")
		term.expect("augtool> get /files/etc/hosts/") // completed, with '/' for the children
		term.send("1/ip\t")
		term.expect("augtool> get /files/etc/hosts/1/ipaddr")
		term.send("\r")
		term.expect("\r\n/files/etc/hosts/1/ipaddr = 127.0.0.1\r\n")
		term.send("ls /files/etc/hosts/1/\t\t") // the second Tab lists the children
		term.expect("alias canonical ipaddr")
		term.send("\x15") // Ctrl-U
		term.send("get /a[\r")
		term.expect("error: Failed to execute command\r\nunmatched [\r\naugtool> ")
		term.send("get /files/etc/hosts/2/canonical\x03") // Ctrl-C abandons the line
		term.expect("^C\r\naugtool> ")
		term.send("\x1b[A\x1b[A\r") // Up twice: the first command again
		term.expect("augtool> get /files/etc/hosts/1/ipaddr")
		term.expect("\r\n/files/etc/hosts/1/ipaddr = 127.0.0.1\r\n")
		term.send("\x1b[Z\x1b[1;5D\x7f\t\x15") // stray keys do no harm
		term.send("quit\r")
		assert.Equal(t, 1, term.wait(), "a command failed")
		b, err := os.ReadFile(history)
		require.NoError(t, err)
		assert.Equal(t, "get /files/etc/hosts/1/ipaddr\nget /a[\nget /files/etc/hosts/1/ipaddr\nquit\n", string(b))
	})

	t.Run("history across sessions", func(t *testing.T) {
		term := startTerminal(t, lensnetCmd())
		term.expect("augtool> ")
		term.send("\x1b[A\x1b[A\r") // quit, then the command before it
		term.expect("\r\n/files/etc/hosts/1/ipaddr = 127.0.0.1\r\n")
		term.expect("augtool> ")
		term.send("\x04") // Ctrl-D
		assert.Equal(t, 0, term.wait())
		assert.Equal(t, "\r\n\r\n", term.rest(), "as augtool: the prompt's line ended, then one more")
		b, err := os.ReadFile(history)
		require.NoError(t, err)
		assert.True(t, strings.HasSuffix(string(b), "quit\nget /files/etc/hosts/1/ipaddr\n"), "%q", b)
	})

	t.Run("-s and Ctrl-D", func(t *testing.T) {
		term := startTerminal(t, lensnetCmd("-s"))
		term.expect("augtool> ")
		term.send("set /files/etc/hosts/2/ipaddr ::2\r")
		term.expect("augtool> ")
		term.send("\x04")
		assert.Equal(t, 0, term.wait())
		assert.Equal(t, "\r\nsave\r\nSaved 1 file(s)\r\n\r\n", term.rest(), "as augtool: the autosave echoed as save")
		b, err := os.ReadFile(filepath.Join(root, "etc", "hosts"))
		require.NoError(t, err)
		assert.Contains(t, string(b), "::2 ip6-localhost")
	})

	t.Run("-s and quit", func(t *testing.T) {
		before, err := os.ReadFile(filepath.Join(root, "etc", "hosts"))
		require.NoError(t, err)
		term := startTerminal(t, lensnetCmd("-s"))
		term.expect("augtool> ")
		term.send("set /files/etc/hosts/2/ipaddr ::3\r")
		term.expect("augtool> ")
		term.send("quit\r")
		term.expect("quit\r\n")
		assert.Equal(t, 0, term.wait())
		assert.Empty(t, term.rest(), "no save")
		after, err := os.ReadFile(filepath.Join(root, "etc", "hosts"))
		require.NoError(t, err)
		assert.Equal(t, string(before), string(after), "quit leaves before the autosave, as augtool")
	})

	script := filepath.Join(t.TempDir(), "cmds")
	require.NoError(t, os.WriteFile(script, []byte("set /files/etc/hosts/1/ipaddr 10.0.0.1\n"), 0o644))
	t.Run("-i after -f", func(t *testing.T) {
		term := startTerminal(t, lensnetCmd("-i", "-f", script))
		term.expect("augtool> ")
		term.send("get /files/etc/hosts/1/ipaddr\r")
		term.expect("/files/etc/hosts/1/ipaddr = 10.0.0.1\r\n")
		term.send("quit\r")
		assert.Equal(t, 0, term.wait())
	})

	t.Run("-i after a pipe", func(t *testing.T) {
		cmd := lensnetCmd()
		cmd = exec.Command("sh", append([]string{"-c", `printf 'set /files/etc/hosts/1/ipaddr 10.0.0.2\n' | "$0" "$@" -i`}, cmd.Args...)...)
		cmd.Env = append(os.Environ(), "HOME="+home, "TERM=xterm")
		term := startTerminal(t, cmd)
		term.expect("augtool> ")
		term.send("get /files/etc/hosts/1/ipaddr\r")
		term.expect("/files/etc/hosts/1/ipaddr = 10.0.0.2\r\n")
		term.send("\x04")
		assert.Equal(t, 0, term.wait())
	})
}
