package vnet_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/vnet"
	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const envPortWorker = "LENSNET_PORT_WORKER_ROOT"

// TestPortsTwoProcesses runs two processes (this test binary again)
// creating and deleting passthrough ports on one network at once, 1,000
// rounds each (100 with -short), over a pool of 4: after each create,
// the process checks that no other port file holds its device; at the
// end no device is held twice and the counts are the files'.
func TestPortsTwoProcesses(t *testing.T) {
	if root := os.Getenv(envPortWorker); root != "" {
		portWorker(t, root)
		return
	}
	rounds := 1000
	if testing.Short() {
		rounds = 100
	}
	root := t.TempDir()
	c, err := vnet.Open(vnet.Options{Root: root, Activator: &vnet.Recorder{}})
	require.NoError(t, err)
	n := started(t, c, poolXML("two", "passthrough", 4, ""))
	var cmds []*exec.Cmd
	for i := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestPortsTwoProcesses$", "-test.count=1")
		cmd.Env = append(os.Environ(), envPortWorker+"="+root, "LENSNET_PORT_ROUNDS="+strconv.Itoa(rounds), "LENSNET_PORT_ID="+strconv.Itoa(i))
		out := &bytes.Buffer{}
		cmd.Stdout, cmd.Stderr = out, out
		require.NoError(t, cmd.Start())
		cmds = append(cmds, cmd)
		t.Cleanup(func() {
			if t.Failed() {
				t.Logf("worker %d:\n%s", i, out.String())
			}
		})
	}
	for _, cmd := range cmds {
		assert.NoError(t, cmd.Wait())
	}
	files, _ := filepath.Glob(filepath.Join(root, "run/lensnet/network/two/ports/*.xml"))
	held := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		p, err := netxml.ParsePort(b, f)
		require.NoError(t, err)
		assert.Empty(t, held[p.Plug.Dev], "%s held twice", p.Plug.Dev)
		held[p.Plug.Dev] = p.UUID
	}
	u, err := n.Usage()
	require.NoError(t, err)
	assert.Equal(t, len(files), u.Ports)
	t.Logf("2 processes × %d rounds: %d ports left, no device double-booked", rounds, len(files))
}

// portWorker is one of the processes: create a port (deleting one of
// its own when the pool is exhausted), check its device is its alone,
// sometimes delete one.
func portWorker(t *testing.T, root string) {
	rounds, _ := strconv.Atoi(os.Getenv("LENSNET_PORT_ROUNDS"))
	c, err := vnet.Open(vnet.Options{Root: root, Activator: &vnet.Recorder{}})
	require.NoError(t, err)
	n, err := c.LookupByName("two")
	require.NoError(t, err)
	dir := filepath.Join(root, "run/lensnet/network/two/ports")
	var mine []*vnet.Port
	for i := range rounds {
		p, err := n.CreatePort(guest("two", "/>"), "g.xml", vnet.PortCreateFlags{})
		if err != nil {
			require.ErrorIs(t, err, vnet.ErrPoolExhausted, "round %d", i)
			if len(mine) > 0 {
				require.NoError(t, mine[0].Delete())
				mine = mine[1:]
			}
			continue
		}
		mine = append(mine, p)
		dev := portDef(t, p).Plug.Dev
		// nobody may hand out a device this port holds: look at
		// every port file
		files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
		for _, f := range files {
			if strings.HasPrefix(filepath.Base(f), ".") {
				continue // another process's temporary file, being written
			}
			b, err := os.ReadFile(f)
			if err != nil {
				continue // deleted meanwhile
			}
			q, err := netxml.ParsePort(b, f)
			require.NoError(t, err)
			if q.UUID != p.UUID() {
				require.NotEqual(t, dev, q.Plug.Dev, fmt.Sprintf("round %d: %s double-booked (ports %s and %s)", i, dev, p.UUID(), q.UUID))
			}
		}
		if i%3 == 0 {
			require.NoError(t, mine[0].Delete())
			mine = mine[1:]
		}
	}
}
