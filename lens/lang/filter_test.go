package lang

import (
	"math/rand/v2"
	"path"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFilterMatches(t *testing.T) {
	f := Filter{
		{Include: true, Pattern: "/etc/sysconfig/network-scripts/ifcfg-*"},
		{Include: true, Pattern: "/etc/sysctl.d/*.conf"},
		{Include: false, Pattern: "*~"},
		{Include: false, Pattern: "*.rpm[!n]*"},
		{Include: false, Pattern: "/etc/sysctl.d/skip.conf"},
	}
	tests := []struct {
		name string
		path string
		want bool
	}{
		{"included", "/etc/sysconfig/network-scripts/ifcfg-eth0", true},
		{"star stops at slash", "/etc/sysconfig/network-scripts/ifcfg-x/y", false},
		{"not included", "/etc/hosts", false},
		{"excluded by base name", "/etc/sysconfig/network-scripts/ifcfg-eth0~", false},
		{"negated bracket", "/etc/sysctl.d/a.rpmsave.conf", false},
		{"negated bracket keeps other", "/etc/sysctl.d/a.rpmnew.conf", true},
		{"excluded by full path", "/etc/sysctl.d/skip.conf", false},
		{"doubled slashes", "/etc//sysctl.d/a.conf", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, f.Matches(tt.path))
		})
	}
	assert.False(t, Filter{{Include: true, Pattern: "/etc/[a"}}.Matches("/etc/[a"), "a malformed glob matches nothing")
}

// TestGlobMatchProperty: globMatch, which settles a literal prefix
// itself, agrees with path.Match over the whole pattern on random globs
// and names.
func TestGlobMatchProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 21))
	pick := func(parts []string, n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		return b.String()
	}
	pat := []string{"/", "a", "b", ".", "*", "?", "[ab]", "[!a]", "[a-", `\*`, "etc", "-"}
	name := []string{"/", "a", "b", ".", "*", "etc", "-", "c"}
	for range 50000 {
		p, n := pick(pat, 1+rng.IntN(6)), pick(name, rng.IntN(8))
		want, err := path.Match(strings.ReplaceAll(p, "[!", "[^"), n)
		want = want && err == nil
		if got := globMatch(p, n); got != want {
			t.Fatalf("globMatch(%q, %q) = %v, path.Match says %v", p, n, got, want)
		}
	}
}
