package main

import (
	"testing"

	"github.com/lensnet/lensnet/lens/lang"
	"github.com/stretchr/testify/assert"
)

func TestConcreteNamesMatchTheirGlob(t *testing.T) {
	for _, c := range []struct {
		name, glob string
		k          int
		want       string
		wild, ok   bool
	}{
		{"literal", "/etc/hosts", 1, "/etc/hosts", false, true},
		{"star", "/etc/conf.d/*", 2, "/etc/conf.d/sample2", true, true},
		{"stars in folders", "/etc/*/conf.d/*.conf", 1, "/etc/sample1/conf.d/sample1.conf", true, true},
		{"question mark", "/etc/rc?.d/x", 1, "/etc/rcx.d/x", true, true},
		{"range", "/etc/kv[0-9]/main", 1, "/etc/kv0/main", true, true},
		{"set", "/etc/[xyz].conf", 1, "/etc/x.conf", true, true},
		{"negated", "/etc/[!a-c].conf", 1, "/etc/d.conf", true, true},
		{"negated caret", "/etc/[^a-z]", 1, "/etc/0", true, true},
		{"escape", `/etc/a\*b`, 1, "/etc/a*b", false, true},
		{"unclosed", "/etc/[abc", 1, "", true, false},
		{"nothing accepted", "/etc/[!a-zA-Z0-9]", 1, "", true, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, wild, ok := concrete(c.glob, c.k)
			assert.Equal(t, c.want, got)
			assert.Equal(t, c.wild, wild)
			assert.Equal(t, c.ok, ok)
			if ok {
				assert.True(t, lang.Filter{{Include: true, Pattern: c.glob}}.Matches(got), "%s does not match %s", got, c.glob)
			}
		})
	}
}
