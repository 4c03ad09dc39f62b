package tree

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFilesReach(t *testing.T) {
	tests := []struct {
		name string
		path string
		rel  bool
		want [][]string // nil with ok false
	}{
		{"literal", "/files/etc/hosts/1/ipaddr", false, [][]string{{"etc", "hosts", "1", "ipaddr"}}},
		{"files itself", "/files", false, [][]string{{}}},
		{"wildcard below a literal", "/files/etc/hosts/*/ipaddr", false, [][]string{{"etc", "hosts"}}},
		{"predicate below a literal", "/files/etc/hosts/*[ipaddr = '127.0.0.1']/canonical", false, [][]string{{"etc", "hosts"}}},
		{"descendant below a literal", "/files/etc//ipaddr", false, [][]string{{"etc"}}},
		{"predicate on a literal", "/files/etc/hosts[1]", false, [][]string{{"etc"}}},
		{"absolute path in a predicate", "/files/etc/hosts/*[ipaddr = /files/etc/x/y]", false, [][]string{{"etc", "hosts"}, {"etc", "x", "y"}}},
		{"union", "/files/etc/a | /files/etc/b", false, [][]string{{"etc", "a"}, {"etc", "b"}}},
		{"relative at /files", "etc/hosts", true, [][]string{{"etc", "hosts"}}},
		{"relative elsewhere", "etc/hosts", false, nil},
		{"descendant of /files", "/files//ipaddr", false, nil},
		{"wildcard over /files", "/files/*/hosts", false, nil},
		{"augeas", "/augeas/version", false, nil},
		{"augeas files", "/augeas/files/etc/hosts/path", false, nil},
		{"root", "/", false, nil},
		{"descendant of root", "//ipaddr", false, nil},
		{"parent", "/files/etc/hosts/..", false, nil},
		{"ancestor in a predicate", "/files/etc/hosts/*[ancestor::x]", false, nil},
		{"sibling", "/files/etc/hosts/following-sibling::*", false, nil},
		{"variable", "$x/ipaddr", false, nil},
		{"variable in a predicate", "/files/etc/hosts/*[ipaddr = $x]", false, nil},
		{"augeas in a predicate", "/files/etc/hosts/*[/augeas/version]", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePath(tt.path)
			require.NoError(t, err)
			locs, ok := p.FilesReach(tt.rel)
			assert.Equal(t, tt.want != nil, ok)
			assert.Equal(t, tt.want, locs)
		})
	}
}
