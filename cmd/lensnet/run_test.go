package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
		stdout string
		stderr string // substring
	}{
		{"no command reads standard input", []string{"-r", "../../fixtures/debian", "-A", "-L"}, 0, "", ""},
		{"unknown augtool command", []string{"-r", "../../fixtures/debian", "-A", "-L", "frobnicate"}, 1, "", "Unknown command 'frobnicate'"},
		{"unknown command", []string{"regexp", "frob", "a"}, 2, "", `unknown regexp command "frob"`},
		{"check --help", []string{"check", "--help"}, 0, checkUsage, ""},
		{"check -h", []string{"check", "-h", "x.aug"}, 0, checkUsage, ""},
		{"regexp --help", []string{"regexp", "--help"}, 0, regexpFamily.usage(), ""},
		{"regexp -h", []string{"regexp", "-i", "-h", "show"}, 0, regexpFamily.usage(), ""},
		{"bad flag", []string{"regexp", "-z", "show", "a"}, 2, "", "flag provided but not defined"},
		{"missing pattern", []string{"regexp", "show"}, 2, "", "wrong number of arguments"},
		{"too many", []string{"regexp", "minus", "a", "b", "c"}, 2, "", "wrong number of arguments"},
		{"bad pattern", []string{"regexp", "show", "a{2"}, 1, "", "regexp /a{2/ at offset 1: bad interval: missing }"},
		{"show", []string{"regexp", "show", "[a-z]+=[0-9]{2}"}, 0,
			"regexp:  /[a-z]+=[0-9]{2,2}/\nexample: \"a=00\"\nstates:  6\n", ""},
		{"show empty", []string{"regexp", "show", "[^\x00-\xff]"}, 0,
			"regexp:  /[^\\000-\\377]/\nexample: none (the language is empty)\nstates:  1\n", ""},
		{"match", []string{"regexp", "match", "[a-z]+", "abc", "ab1"}, 1,
			"\"abc\": match\n\"ab1\": no match\n", ""},
		{"match folded", []string{"regexp", "-i", "match", "abc", "ABC"}, 0, "\"ABC\": match\n", ""},
		{"minus", []string{"regexp", "minus", "a*", "a"}, 0, "/(aaa*)?/\n", ""},
		{"minus empty", []string{"regexp", "minus", "a", "a|b"}, 1, "", "regexp subtraction /a/ - /a|b/: empty result"},
		{"ambiguous concat", []string{"regexp", "ambig", "[a-z]+", "[a-z]+"}, 1,
			"ambiguous concatenation: 'aaa' can be split into 'a|=|aa' and 'aa|=|a'\n", ""},
		{"unambiguous concat", []string{"regexp", "ambig", "[a-z]+", "=[a-z]+"}, 0, "unambiguous concatenation\n", ""},
		{"ambiguous star", []string{"regexp", "ambig", "a|aa"}, 1,
			"ambiguous iteration: 'aa' can be split into 'a|=|a' and 'aa|=|'\n", ""},
		{"unambiguous star", []string{"regexp", "ambig", "[a-z]+\n"}, 0, "unambiguous iteration\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			status := run(tt.args, strings.NewReader(""), &out, &errb)
			assert.Equal(t, tt.status, status)
			assert.Equal(t, tt.stdout, out.String())
			if tt.stderr == "" {
				assert.Empty(t, errb.String())
			} else {
				assert.Contains(t, errb.String(), tt.stderr)
			}
		})
	}
}
