package main

import (
	"bytes"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Every command the shell runs has help, and help names no command the
// shell does not run; each description fits the terminal.
func TestHelpCoversCommands(t *testing.T) {
	var cmds, helped []string
	for c := range arity {
		cmds = append(cmds, c)
	}
	for _, h := range helps {
		helped = append(helped, h.name)
		assert.Contains(t, groups, h.group, h.name)
		assert.True(t, strings.HasPrefix(h.synopsis, h.name), "%s: synopsis %q", h.name, h.synopsis)
		var b bytes.Buffer
		assert.True(t, printHelp(&b, h.name))
		for _, line := range strings.Split(b.String(), "\n") {
			assert.LessOrEqual(t, len(line), 80, "%s: %q", h.name, line)
		}
	}
	sort.Strings(cmds)
	sort.Strings(helped)
	assert.Equal(t, cmds, helped)
	var b bytes.Buffer
	printHelp(&b, "")
	for _, c := range cmds {
		assert.Contains(t, b.String(), "\n  "+c+" ", "the list names %s", c)
	}
}
