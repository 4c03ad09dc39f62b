package iface_test

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/lensnet/lensnet/backends/backendstest"
	"github.com/lensnet/lensnet/iface"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// changeSeveral defines, redefines and undefines interfaces.
func changeSeveral(t *testing.T, c *iface.Conn) {
	t.Helper()
	_, err := c.Define([]byte(`<interface type='ethernet' name='eth9'><start mode='onboot'/></interface>`), "eth9.xml")
	require.NoError(t, err)
	_, err = c.Define([]byte(`<interface type='ethernet' name='eth0'><protocol family='ipv4'><dhcp/></protocol></interface>`), "eth0.xml")
	require.NoError(t, err)
	require.NoError(t, c.Undefine("bond0"))
	require.NoError(t, c.Undefine("br1"))
}

func TestTransactionRollback(t *testing.T) {
	root := rhelRoot(t)
	before := configHash(t, root)
	c, err := iface.Open(iface.Options{Root: root})
	require.NoError(t, err)
	require.NoError(t, c.ChangeBegin())
	assert.ErrorIs(t, c.ChangeBegin(), iface.ErrInvalidState, "a second begin")
	changeSeveral(t, c)
	assert.NotEqual(t, before, configHash(t, root))
	changed, err := c.ChangeRollback()
	require.NoError(t, err)
	assert.Equal(t, []string{"bond0", "br1", "eth0", "eth9"}, changed)
	assert.Equal(t, before, configHash(t, root))
	names, err := c.Names()
	require.NoError(t, err)
	assert.Equal(t, []string{"bond0", "br1", "eth0", "vlan100"}, names)
	_, err = c.ChangeRollback()
	assert.ErrorIs(t, err, iface.ErrInvalidState, "a rollback with none open")
	assert.ErrorIs(t, c.ChangeCommit(), iface.ErrInvalidState, "a commit with none open")
}

func TestTransactionCommit(t *testing.T) {
	root := rhelRoot(t)
	c, err := iface.Open(iface.Options{Root: root})
	require.NoError(t, err)
	require.NoError(t, c.ChangeBegin())
	changeSeveral(t, c)
	after := configHash(t, root)
	require.NoError(t, c.ChangeCommit())
	assert.Equal(t, after, configHash(t, root))
	assert.False(t, c.InTransaction())
	require.NoError(t, c.ChangeBegin(), "a new transaction after the commit")
}

// TestTransactionSurvivesKill: a process begins, changes files and is
// killed; a new process finds the transaction and rolls it back to the
// bytes of before.
func TestTransactionSurvivesKill(t *testing.T) {
	if root := os.Getenv("LENSNET_TX_CHILD"); root != "" {
		c, err := iface.Open(iface.Options{Root: root})
		require.NoError(t, err)
		require.NoError(t, c.ChangeBegin())
		changeSeveral(t, c)
		_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {}
	}
	root := rhelRoot(t)
	before := configHash(t, root)
	cmd := exec.Command(os.Args[0], "-test.run", "^TestTransactionSurvivesKill$")
	cmd.Env = append(os.Environ(), "LENSNET_TX_CHILD="+root)
	err := cmd.Run()
	var ee *exec.ExitError
	require.True(t, errors.As(err, &ee), "the child was killed: %v", err)
	require.NotEqual(t, before, configHash(t, root), "the child changed files")
	c, err := iface.Open(iface.Options{Root: root})
	require.NoError(t, err)
	require.True(t, c.InTransaction())
	_, err = c.ChangeRollback()
	require.NoError(t, err)
	assert.Equal(t, before, configHash(t, root))
}

// TestTransactionDebian: the same on a Debian root: the interfaces
// file, what it sources and modprobe.d come back byte for byte; bridge
// then unbridge gives the files their bytes back.
func TestTransactionDebian(t *testing.T) {
	root := t.TempDir()
	backendstest.CopyDir(t, "../fixtures/debian-iface/styles", root)
	before := configHash(t, root)
	c, err := iface.Open(iface.Options{Root: root})
	require.NoError(t, err)
	require.Equal(t, "debian", c.Backend())
	names, err := c.Names()
	require.NoError(t, err)
	require.NotEmpty(t, names)
	require.NoError(t, c.ChangeBegin())
	_, err = c.Define([]byte(`<interface type='bond' name='bond7'><bond mode='active-backup'><interface type='ethernet' name='eth70'/><interface type='ethernet' name='eth71'/></bond></interface>`), "bond7.xml")
	require.NoError(t, err)
	for _, n := range names[:2] {
		require.NoError(t, c.Undefine(n))
	}
	require.NotEqual(t, before, configHash(t, root))
	_, err = c.ChangeRollback()
	require.NoError(t, err)
	assert.Equal(t, before, configHash(t, root))

	for _, n := range names {
		m, err := c.XML(n)
		require.NoError(t, err)
		if !strings.HasPrefix(string(m), "<interface type='ethernet'") {
			continue
		}
		_, err = c.Bridge(n, "brx", iface.BridgeOptions{NoSTP: true})
		require.NoError(t, err, n)
		_, err = c.Unbridge("brx")
		require.NoError(t, err, n)
		assert.Equal(t, before, configHash(t, root), n)
	}
}
