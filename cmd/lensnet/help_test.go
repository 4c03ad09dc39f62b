package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Every command the shell runs, aliases too, has help; each
// description fits the terminal.
func TestHelpCoversCommands(t *testing.T) {
	var b bytes.Buffer
	printHelp(&b, "")
	list := b.String()
	for _, c := range commands {
		for _, name := range c.names() {
			h := c
			if name != c.Name {
				h = c.aliasHelp(name)
			}
			assert.Contains(t, groups, h.Group, name)
			assert.True(t, strings.HasPrefix(h.Usage, name), "%s: synopsis %q", name, h.Usage)
			var b bytes.Buffer
			assert.True(t, printHelp(&b, name))
			for _, line := range strings.Split(b.String(), "\n") {
				assert.LessOrEqual(t, len(line), 80, "%s: %q", name, line)
			}
			assert.Contains(t, list, "\n  "+name+" ", "the list names %s", name)
		}
	}
}
