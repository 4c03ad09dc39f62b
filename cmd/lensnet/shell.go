package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/lensnet/lensnet"
	"github.com/lensnet/lensnet/internal/cmdline"
)

// shell runs augtool commands on a handle.
type shell struct {
	h      *lensnet.Handle
	p      *printer // where results and failures go, as text or JSON
	timing bool     // --timing: "Time: N ms" after each command
	// promptOpen: the input ended after a prompt that echo (-e, or the
	// interactive shell) showed; the end of the run finishes its line
	// (with the autosave echoed as "save" when there is one).
	promptOpen bool
	// reopen opens the root afresh as the options say (and loads -l's
	// files), for a command-line run whose save found its file changed
	// on disk: the commands run again on what is there now
	reopen func() (*lensnet.Handle, error)
}

// script runs one command per line from in (blank lines and lines
// starting with # skipped) and returns 1 if any failed; quit is true
// when a "quit" line stopped it before the end of the input.
func (s *shell) script(in io.Reader, echo bool) (status int, quit bool) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		if echo { // augtool echoes every line as read, blank and comment lines too
			s.p.echo(sc.Text())
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if line == "quit" {
			return status, true
		}
		if !s.line(line) {
			status = 1
		}
	}
	if echo { // and prompts once more at the end of the input
		s.p.echoEnd()
		s.promptOpen = true
	}
	return status, false
}

// oneShot runs the commands given on the command line as augtool 1.14
// does, and returns 1 if one failed or the save did. The words are
// joined with blanks (and tokenised again) into one text, whose lines
// run in turn, blank and # lines skipped, up to a quit line or the first
// command that fails (augtool silently; lensnet reports it). Then the
// changes are saved, as if save followed: with -s and every line run,
// by the save command itself (echoed with -e); else by a save that
// reports only the files it wrote.
//
// Beyond augtool, when the save wrote nothing because a file changed on
// disk since it was loaded (another process saved it: lensnet.ErrChanged),
// the root is opened again and the commands run again on what is there
// now, up to maxOneShotRuns times, so that concurrent one-shot edits of
// one file never lose each other; only the last run's output is shown.
func (s *shell) oneShot(words []string, echo, autosave bool) int {
	out, errw := s.p.out, s.p.errw
	defer func() { s.p.out, s.p.errw = out, errw }()
	for run := 1; ; run++ {
		var bout, berr bytes.Buffer
		s.p.out, s.p.errw = &bout, &berr
		status, saveErr := s.oneShotRun(words, echo, autosave)
		if run < maxOneShotRuns && s.reopen != nil && onlyChanged(saveErr) {
			if h, err := s.reopen(); err == nil {
				s.h = h
				continue
			}
		}
		out.Write(bout.Bytes())
		errw.Write(berr.Bytes())
		return status
	}
}

// joined returns the errors errors.Join put together in err, or err
// alone.
func joined(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// maxOneShotRuns bounds how often a command-line run is repeated on a
// fresh load when its file keeps changing underneath.
const maxOneShotRuns = 50

// onlyChanged reports whether err is a save error all of whose files
// failed because they changed on disk (so nothing was written and the
// commands can run again on a fresh load).
func onlyChanged(err error) bool {
	if err == nil {
		return false
	}
	for _, e := range joined(err) {
		if !errors.Is(e, lensnet.ErrChanged) {
			return false
		}
	}
	return true
}

// oneShotRun runs the command-line commands once and saves (oneShot);
// saveErr is the save's error.
func (s *shell) oneShotRun(words []string, echo, autosave bool) (status int, saveErr error) {
	text := strings.Join(words, " ") + " "
	if echo {
		s.p.echo(text)
	}
	ranAll := true
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if line == "quit" {
			ranAll = false
			break
		}
		if !s.line(line) {
			status, ranAll = 1, false
			break
		}
	}
	if autosave && ranAll && echo {
		s.p.echo("save")
	}
	s.p.cmd = "save" // a save --timing does not time, as augtool
	if saveErr = s.save(true, !(autosave && ranAll)); saveErr != nil {
		status = 1
	}
	return status, saveErr
}

// autosave runs -s's save at the end of the input: a failure says
// why; --timing times it.
func (s *shell) autosave() bool {
	start := time.Now()
	s.p.cmd = "save"
	ok := s.save(true, false) == nil
	if s.timing {
		s.p.timing(time.Since(start))
	}
	return ok
}

// line tokenises and runs one command line.
func (s *shell) line(line string) bool {
	words, err := cmdline.Split(line)
	if err != nil {
		s.p.fail(codeUsage, err.Error())
		return false
	}
	if len(words) == 0 {
		return true
	}
	return s.exec(words)
}

// exec runs one command and reports whether it succeeded.
func (s *shell) exec(words []string) bool {
	start := time.Now()
	s.p.cmd = words[0]
	ok := s.run(words[0], words[1:])
	if s.timing {
		s.p.timing(time.Since(start))
	}
	return ok
}

// run finds the command name names, checks its arguments, cleans its
// paths as augtool does and runs it.
func (s *shell) run(name string, args []string) bool {
	c := lookup(name)
	if c == nil {
		s.p.fail(codeUsage, fmt.Sprintf("Unknown command '%s'", name))
		return false
	}
	if len(args) < c.MinArgs {
		s.p.fail(codeUsage, "Not enough arguments for "+name)
		return false
	}
	if len(args) > c.MaxArgs {
		s.p.fail(codeUsage, fmt.Sprintf("Too many arguments. Command %s takes only %d arguments", name, c.MaxArgs))
		return false
	}
	for _, i := range c.PathArgs { // augtool cleans path arguments
		if i < len(args) && len(args[i]) > 1 {
			if p := strings.TrimRight(args[i], "/"); p != "" {
				args[i] = p
			}
		}
	}
	return c.Run(s, args)
}

// tooMany reports a command that needed one node at path and found
// several (err), with augtool's count line.
func (s *shell) tooMany(path string, err error) {
	s.p.tooMany(path, err, func() int {
		n, err := s.h.Match(path)
		if err != nil {
			return -1 // the path itself failed (int() of several nodes)
		}
		return len(n)
	})
}
