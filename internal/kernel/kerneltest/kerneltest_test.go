package kerneltest_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
)

// TestNS checks that NS makes a namespace of its own, that Exec and
// IPJSON look inside it, and that it is gone after the test.
func TestNS(t *testing.T) {
	var name string
	t.Run("inner", func(t *testing.T) {
		var h interface{ Close() error }
		name, h = kerneltest.NS(t)
		require.NotNil(t, h)
		assert.True(t, strings.HasPrefix(name, kerneltest.Prefix))
		links := kerneltest.IPJSON(t, name, "link", "show")
		require.Len(t, links, 1)
		assert.Equal(t, "lo", links[0]["ifname"])
		assert.Contains(t, kerneltest.Exec(t, name, "ip", "link", "show"), "lo:")
		_, err := kerneltest.TryExec(name, "ip", "link", "show", "nosuch")
		assert.Error(t, err)
	})
	if name == "" {
		t.Skip("no namespace was made")
	}
	out, err := exec.Command("ip", "netns", "list").CombinedOutput()
	require.NoError(t, err)
	assert.NotContains(t, string(out), name, "removed when the test ended")
	left, err := kerneltest.Leaked()
	require.NoError(t, err)
	assert.Empty(t, left)
}
