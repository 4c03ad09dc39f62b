package main

import (
	"bufio"
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
}

// script runs one command per line from in (blank lines and lines
// starting with # skipped, "quit" stops) and returns 1 if any failed.
func (s *shell) script(in io.Reader, echo bool) int {
	status := 0
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
			return status
		}
		if !s.line(line) {
			status = 1
		}
	}
	if echo { // and prompts once more at the end of the input
		s.p.echoEnd()
	}
	return status
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
