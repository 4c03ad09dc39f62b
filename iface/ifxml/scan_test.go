package ifxml_test

import (
	"errors"
	"testing"

	"github.com/lensnet/lensnet/iface/ifxml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestErrorLines checks the line errors carry: the line of the "<" of
// the offending element (etree keeps no positions; a token pass finds
// them), of the text, or of the syntax error.
func TestErrorLines(t *testing.T) {
	for _, c := range []struct {
		name string
		doc  string
		line int
	}{
		{"first line", "<interface type='x' name='eth0'/>", 1},
		{"crlf and a comment", "<interface type='ethernet' name='eth0'>\r\n  <!-- a\r\n  comment -->\r\n  <mtu size='x'/>\r\n</interface>\r\n", 4},
		{"tag over lines", "<interface\n type='ethernet'\n name='eth0'>\n  <mtu\n   size='x'\n  />\n</interface>\n", 4},
		{"after a cdata section", "<interface type='ethernet' name='eth0'><mtu size='1'><![CDATA[\n\n]]></mtu>\n<start mode='x'/></interface>", 4},
		{"text after blank lines", "<interface type='ethernet' name='eth0'>\n  <mtu size='1'>\n\n    abc</mtu>\n</interface>\n", 4},
		{"text after an element", "<interface type='ethernet' name='eth0'>\n  <mtu size='1'/>\n  x\n</interface>\n", 3},
		{"nested, deep", "<interface type='bridge' name='br0'>\n<bridge>\n<interface type='bond' name='bond0'>\n<bond>\n<interface type='ethernet' name='eth0'>\n<mac address='x'/>\n</interface>\n</bond>\n</interface>\n</bridge>\n</interface>\n", 6},
		{"structural error on a nested interface", "<interface type='bridge' name='br0'>\n<bridge>\n<interface type='ethernet' name='eth0'/>\n<interface type='bridge' name='br1'>\n<bridge/>\n</interface>\n</bridge>\n</interface>\n", 4},
		{"structural error on a child element", "<interface type='bridge' name='br0'>\n<start mode='none'/>\n\n<link/>\n<bridge/>\n</interface>\n", 4},
		{"syntax error", "<interface type='ethernet' name='eth0'>\n\n<mtu size='1'>\n</interface>\n", 4},
		{"second root", "<interface type='ethernet' name='eth0'/>\n\n<interface type='ethernet' name='eth1'/>\n", 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ifxml.Parse([]byte(c.doc), "t.xml")
			require.Error(t, err)
			var e *ifxml.Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, c.line, e.Line, "%v", err)
		})
	}
}

// TestDepthLimit refuses absurd nesting before building a tree.
func TestDepthLimit(t *testing.T) {
	doc := ""
	for range 100 {
		doc += "<interface>"
	}
	_, err := ifxml.Parse([]byte(doc), "deep.xml")
	assert.EqualError(t, err, "deep.xml:1: elements nested too deeply")
}
