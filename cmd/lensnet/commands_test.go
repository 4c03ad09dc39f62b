package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCommandTable checks every entry of the shell's command table:
// complete help, names and aliases unique, argument bounds that agree
// with the synopsis and the argument descriptions, path arguments among
// the arguments, and help's list naming each command under its group.
func TestCommandTable(t *testing.T) {
	seen := map[string]bool{}
	var list bytes.Buffer
	require.True(t, printHelp(&list, ""))
	sections := map[string]string{} // group → its part of help's list
	for i, g := range groups {
		s := list.String()[strings.Index(list.String(), "\n"+g+" commands:\n"):]
		if i+1 < len(groups) {
			s = s[:strings.Index(s, "\n"+groups[i+1]+" commands:\n")]
		}
		sections[g] = s
	}
	for _, c := range commands {
		t.Run(c.Name, func(t *testing.T) {
			assert.NotNil(t, c.Run, "run function")
			assert.NotEmpty(t, c.Short, "short description")
			assert.NotEmpty(t, c.Help, "help text")
			assert.Contains(t, groups, c.Group)
			assert.True(t, strings.HasPrefix(c.Usage, c.Name), "usage %q starts with the name", c.Usage)
			assert.Equal(t, c.MaxArgs, strings.Count(c.Usage, "<"), "usage %q names every argument", c.Usage)
			assert.Equal(t, c.MaxArgs-c.MinArgs, strings.Count(c.Usage, "[<"), "usage %q brackets the optional arguments", c.Usage)
			assert.Len(t, c.Args, c.MaxArgs, "help describes every argument")
			assert.GreaterOrEqual(t, c.MinArgs, 0)
			assert.LessOrEqual(t, c.MinArgs, c.MaxArgs)
			for j, p := range c.PathArgs {
				assert.True(t, p >= 0 && p < c.MaxArgs, "path argument %d of %d", p, c.MaxArgs)
				assert.NotContains(t, c.PathArgs[:j], p, "path argument %d twice", p)
			}
			for _, name := range c.names() {
				assert.False(t, seen[name], "%s names two commands", name)
				seen[name] = true
				assert.Same(t, c, lookup(name))
				assert.Contains(t, sections[c.Group], "\n  "+name+" ", "help lists %s under %s", name, c.Group)
			}
		})
	}
	assert.Nil(t, lookup("frobnicate"))
}

// TestSubcommandTable checks the top-level table: names unique, only
// help shared with the shell's commands (a subcommand's name never
// reaches the shell from the command line), a usage text for every one
// but help, and a verb table for each family without duplicates.
func TestSubcommandTable(t *testing.T) {
	seen := map[string]bool{}
	for _, sc := range subcommands {
		assert.False(t, seen[sc.Name], "%s twice", sc.Name)
		seen[sc.Name] = true
		assert.NotNil(t, sc.Run, sc.Name)
		if sc.Name == "help" {
			assert.NotNil(t, lookup("help"), "lensnet help help describes the shell's help")
			assert.Nil(t, sc.Usage)
			continue
		}
		assert.Nil(t, lookup(sc.Name), "%s is also an augtool command", sc.Name)
		require.NotNil(t, sc.Usage, sc.Name)
		assert.True(t, strings.HasPrefix(sc.Usage(), "usage: lensnet "+sc.Synopsis+"\n"), "%s: usage starts with the synopsis", sc.Name)
		assert.NotEmpty(t, sc.Short, sc.Name)
		assert.Contains(t, mainUsage(), "\n  "+sc.Synopsis+"\n", "lensnet --help lists %s", sc.Name)
	}
	verbs := map[string]bool{}
	for _, v := range regexpFamily.Verbs {
		assert.False(t, verbs[v.Name], "regexp %s twice", v.Name)
		verbs[v.Name] = true
		assert.NotNil(t, v.Run, v.Name)
		assert.True(t, strings.HasPrefix(v.Usage, v.Name), v.Name)
		assert.True(t, v.MaxArgs == -1 || v.MinArgs <= v.MaxArgs, v.Name)
		assert.Regexp(t, "\n  "+regexp.QuoteMeta(v.Usage)+"[ \n]", regexpFamily.usage(), v.Name)
	}
}
