package debian

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUndefineKeepsOthers: removing a stanza leaves every other stanza
// byte for byte, however it is indented.
func TestUndefineKeepsOthers(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "etc/network"), 0o755))
	text := "auto a\niface a inet dhcp\n    mtu 1500\n\niface b inet static\n\taddress 10.0.0.1\n\tnetmask 255.0.0.0\n# about c\niface c inet manual\n  up true\n"
	require.NoError(t, os.WriteFile(filepath.Join(root, Interfaces), []byte(text), 0o644))
	d := openDir(t, root)
	require.NoError(t, d.Undefine("a"))
	b, err := os.ReadFile(filepath.Join(root, Interfaces))
	require.NoError(t, err)
	assert.Equal(t, "iface b inet static\n\taddress 10.0.0.1\n\tnetmask 255.0.0.0\n# about c\niface c inet manual\n  up true\n", string(b))
	d = openDir(t, root)
	require.NoError(t, d.Undefine("c"))
	b, err = os.ReadFile(filepath.Join(root, Interfaces))
	require.NoError(t, err)
	assert.Equal(t, "iface b inet static\n\taddress 10.0.0.1\n\tnetmask 255.0.0.0\n# about c\n", string(b))
}
