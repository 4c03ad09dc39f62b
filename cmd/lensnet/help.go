package main

import (
	"fmt"
	"io"
	"strings"
)

// printHelp prints the command list (name ""), or the description of
// the command name, which may be an alias; it reports false if there is
// no such command.
func printHelp(w io.Writer, name string) bool {
	if name == "" {
		for _, g := range groups {
			fmt.Fprintf(w, "\n%s commands:\n", g)
			for _, c := range commands {
				if c.Group != g {
					continue
				}
				fmt.Fprintf(w, "  %-10s - %s\n", c.Name, c.Short)
				for _, a := range c.Aliases {
					fmt.Fprintf(w, "  %-10s - %s\n", a, c.aliasHelp(a).Short)
				}
			}
		}
		fmt.Fprint(w, "\nType 'help <command>' for more information on a command\n\n")
		return true
	}
	c := lookup(name)
	if c == nil {
		return false
	}
	if name != c.Name {
		c = c.aliasHelp(name)
	}
	fmt.Fprintf(w, "\n  COMMAND\n    %s - %s\n\n  SYNOPSIS\n    %s\n\n  DESCRIPTION\n", c.Name, c.Short, c.Usage)
	for _, l := range wrap(c.Help, 70) {
		fmt.Fprintf(w, "    %s\n", l)
	}
	if len(c.Args) > 0 {
		fmt.Fprint(w, "\n  OPTIONS\n")
		for _, a := range c.Args {
			fmt.Fprintf(w, "     %s\n", a)
		}
	}
	fmt.Fprintln(w)
	return true
}

// wrap breaks text into lines of at most width bytes at blanks.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
