package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/peterh/liner"

	"github.com/lensnet/lensnet/internal/cmdline"
)

// isTerminal reports whether r is a terminal (the interactive shell
// runs then).
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// prompt is augtool's prompt (also the -e echo).
const prompt = "augtool> "

// historyLimit is how many lines the history file keeps, as augtool.
const historyLimit = 500

// historyFile is where the shell keeps its history between sessions:
// augtool's file, ~/.augeas/history, so that the two share it.
func historyFile() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".augeas", "history"), nil
}

// interactive runs the shell on a terminal: line editing, history kept
// in historyFile, Tab completion of command names and paths. Ctrl-C
// abandons the line, quit or Ctrl-D ends the session; the status is 1
// if a command failed, as in a script. The line editor works on the
// process's standard input and output; when standard output is not a
// terminal the commands are read as a script whose lines are echoed
// after the prompt. quit is true when a quit command ended it.
func (s *shell) interactive(in io.Reader) (status int, quit bool) {
	s.promptOpen = false // the line editor shows its own prompt
	if !isTerminal(os.Stdout) {
		return s.script(in, true)
	}
	ln := liner.NewLiner()
	defer ln.Close()
	ln.SetTabCompletionStyle(liner.TabPrints) // as readline: common part, then the list
	ln.SetWordCompleter(s.complete)
	hist, herr := historyFile()
	if herr == nil {
		if f, err := os.Open(hist); err == nil {
			_, _ = ln.ReadHistory(f) // a bad line ends the history read, as a missing file does
			f.Close()
		}
	}
	for {
		line, err := ln.Prompt(prompt)
		if errors.Is(err, liner.ErrPromptAborted) {
			continue
		}
		if err != nil {
			fmt.Fprintln(s.p.out) // end the prompt's line, as readline does
			if !errors.Is(err, io.EOF) {
				fmt.Fprintf(s.p.errw, "lensnet: %v\n", err)
				status = 1
			}
			s.promptOpen = true // augtool ends the session on a line of its own
			break
		}
		text := strings.TrimSpace(line)
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		ln.AppendHistory(line)
		if text == "quit" {
			quit = true
			break
		}
		if !s.line(text) {
			status = 1
		}
	}
	if herr == nil {
		_ = writeHistory(ln, hist) // augtool too goes on without its history
	}
	return status, quit
}

// writeHistory replaces the history file with the last historyLimit
// lines of the session's history.
func writeHistory(ln *liner.State, name string) error {
	var b bytes.Buffer
	if _, err := ln.WriteHistory(&b); err != nil {
		return err
	}
	lines := strings.SplitAfter(b.String(), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) > historyLimit {
		lines = lines[len(lines)-historyLimit:]
	}
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "history-*.tmp") // mode 0600
	if err != nil {
		return err
	}
	_, err = f.WriteString(strings.Join(lines, ""))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// resumeOnTerminal continues in the interactive shell after a script
// (-i): on standard input if it is the terminal, else on the
// controlling terminal, which replaces the process's standard input
// (the line editor reads file descriptor 0), as augtool reopens it.
func (s *shell) resumeOnTerminal(stdin io.Reader) (status int, quit bool) {
	if isTerminal(stdin) {
		return s.interactive(stdin)
	}
	if f, ok := stdin.(*os.File); !ok || f != os.Stdin {
		fmt.Fprintln(s.p.errw, "lensnet: failed to open terminal for reading: standard input is not the process's")
		return 1, false
	}
	if err := reopenStdin("/dev/tty"); err != nil {
		fmt.Fprintf(s.p.errw, "lensnet: failed to open terminal for reading: %v\n", err)
		return 1, false
	}
	return s.interactive(os.Stdin)
}

// complete is the shell's Tab completion (a liner.WordCompleter): pos
// counts runes into line. The first word completes to a command name
// (and so does help's argument); a path argument completes its last
// step from the children of the nodes the text before the last '/'
// names (relative paths start at the context, /files), with [n] where
// a label repeats and a trailing '/' when the node has children. The
// completions are written as they must be typed: labels escaped for
// the path language, then for augtool's tokeniser.
func (s *shell) complete(line string, pos int) (head string, items []string, tail string) {
	runes := []rune(line)
	pos = min(max(pos, 0), len(runes))
	before, tail := string(runes[:pos]), string(runes[pos:])
	w := scanWords(before)
	if w.err {
		return before, nil, tail
	}
	word := before[w.start:]
	if w.index == 0 {
		return before[:w.start], commandNames(word), tail
	}
	first, err := cmdline.Split(before[:w.firstEnd])
	if err != nil || len(first) != 1 {
		return before, nil, tail
	}
	cmd := first[0]
	if cmd == "help" && w.index == 1 {
		return before[:w.start], commandNames(word), tail
	}
	if c := lookup(cmd); c == nil || !c.isPathArg(w.index-1) {
		return before, nil, tail
	}
	// the nodes whose children complete the last step
	var dir string
	stepStart, q := w.start, byte(0)
	if w.slash >= 0 {
		d, err := decodeWord(before[w.start:w.slash], w.slashQuote, 0)
		if err != nil {
			return before, nil, tail
		}
		dir = "/"
		if d != "" {
			dir = d + "/."
		}
		stepStart, q = w.slash+1, w.slashQuote
	} else {
		dir = "."
		if word != "" && (word[0] == '\'' || word[0] == '"') {
			stepStart, q = w.start+1, word[0]
		}
	}
	stepText := before[stepStart:]
	if q != 0 {
		stepText = string(q) + stepText
	}
	step, err := decodeWord(stepText, w.quote, w.depth)
	if err != nil {
		return before, nil, tail
	}
	label, index, hasIndex := splitStep(step)
	parents, err := s.h.MatchNodes(dir)
	if err != nil {
		return before, nil, tail
	}
	seen := map[string]bool{}
	for _, p := range parents {
		count := map[string]int{}
		for _, c := range p.Children() {
			if l, ok := c.Label(); ok {
				count[l]++
			}
		}
		nth := map[string]int{}
		for _, c := range p.Children() {
			l, ok := c.Label()
			if !ok || !strings.HasPrefix(l, label) || hasIndex && l != label {
				continue
			}
			nth[l]++
			suffix := ""
			if count[l] > 1 {
				suffix = "[" + strconv.Itoa(nth[l]) + "]"
			}
			if !strings.HasPrefix(suffix, index) {
				continue
			}
			if c.Len() > 0 {
				suffix += "/"
			}
			item := encodeLabel(l, q) + suffix
			if !seen[item] {
				seen[item] = true
				items = append(items, item)
			}
		}
	}
	slices.Sort(items)
	return before[:stepStart], items, tail
}

// commandNames are the names and aliases of the commands starting with
// prefix, each followed by a blank.
func commandNames(prefix string) []string {
	var names []string
	for _, c := range commands {
		for _, name := range c.names() {
			if strings.HasPrefix(name, prefix) {
				names = append(names, name+" ")
			}
		}
	}
	slices.Sort(names)
	return names
}

// words is where the cursor is among a command line's words.
type words struct {
	index      int  // which word (0 is the command)
	start      int  // byte offset where it starts
	firstEnd   int  // byte offset where the first word ends
	slash      int  // offset of its last '/' outside brackets, or -1
	slashQuote byte // the quote open just after that '/'
	quote      byte // the quote open at the end
	depth      int  // the brackets open at the end
	err        bool // the text before the word cannot be tokenised
}

// scanWords follows augtool's tokeniser (cmdline.Split) through s, the
// text before the cursor, to find the word the cursor ends.
func scanWords(s string) words {
	w := words{index: -1, slash: -1, firstEnd: len(s)}
	inWord := false
	begin := func(i int) {
		if !inWord {
			inWord = true
			w.index++
			w.start, w.slash = i, -1
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			begin(i)
			i++ // an escape never ends a word
		case w.quote != 0:
			if c == w.quote {
				w.quote = 0
			} else if c == '/' && w.depth == 0 {
				w.slash, w.slashQuote = i, w.quote
			}
		case w.depth > 0:
			switch c {
			case '[':
				w.depth++
			case ']':
				w.depth--
			}
		case c == '\'' || c == '"':
			begin(i)
			w.quote = c
		case c == '[':
			begin(i)
			w.depth++
		case c == ']':
			w.err = true
			return w
		case c == ' ' || c == '\t':
			if inWord {
				inWord = false
				if w.index == 0 {
					w.firstEnd = i
				}
			}
		default:
			begin(i)
			if c == '/' {
				w.slash, w.slashQuote = i, 0
			}
		}
	}
	if !inWord {
		w.index++
		w.start, w.slash = len(s), -1
	}
	return w
}

// decodeWord tokenises one unfinished word as augtool would read it
// once finished: the open quote closed, the open brackets (their text
// kept verbatim) dropped again.
func decodeWord(s string, quote byte, depth int) (string, error) {
	end := strings.Repeat("]", depth)
	if quote != 0 {
		end = string(quote)
	}
	ws, err := cmdline.Split(s + end)
	if err != nil || len(ws) > 1 {
		return "", errors.New("not one word")
	}
	if len(ws) == 0 {
		return "", nil
	}
	return strings.TrimSuffix(ws[0], strings.Repeat("]", depth)), nil
}

// splitStep reads a partly typed path step: its label with the path
// language's escapes removed, then what follows an unescaped '['
// (the start of an [n] index).
func splitStep(step string) (label, index string, hasIndex bool) {
	var b strings.Builder
	for i := 0; i < len(step); i++ {
		switch c := step[i]; {
		case c == '\\' && i+1 < len(step):
			i++
			b.WriteByte(step[i])
		case c == '[':
			return b.String(), step[i:], true
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), "", false
}

// encodeLabel writes a label as a path step typed on augtool's command
// line inside quote (0 outside quotes): the path language's escapes
// (tree.EscapeLabel), with each backslash doubled and each quote
// escaped for the tokeniser. A blank between two other characters
// outside quotes is typed "\ " (the tokeniser makes it a plain blank,
// which the path language keeps inside a name), except before "and",
// "or" or "else", which the path language would read as operators.
func encodeLabel(label string, quote byte) string {
	var b strings.Builder
	for i := 0; i < len(label); i++ {
		switch c := label[i]; c {
		case ']', '[', '|', '/', '=', '(', ')', '!', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\\':
			b.WriteString(`\\\\`)
		case ' ', '\t':
			if quote == 0 && !innerBlank(label, i) {
				b.WriteString(`\\`) // the tokeniser's \\ gives the path's \
			}
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\\\n`)
		case '\r', '\v', '\f':
			b.WriteString(`\\`)
			b.WriteByte(c)
		case '\'', '"':
			if quote == 0 || quote == c {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	s := b.String()
	if !utf8.ValidString(s) { // the line editor works on runes
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}

// innerBlank reports whether the blank at i is one the path language
// keeps as it is: between two characters that are not blanks, and not
// before "and", "or" or "else".
func innerBlank(label string, i int) bool {
	if i == 0 || i+1 >= len(label) || isBlankByte(label[i-1]) || isBlankByte(label[i+1]) {
		return false
	}
	rest := label[i+1:]
	return !strings.HasPrefix(rest, "and") && !strings.HasPrefix(rest, "or") && !strings.HasPrefix(rest, "else")
}

func isBlankByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
