package iface_test

import (
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"

	"github.com/lensnet/lensnet/iface"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcurrentDefines: two processes define different interfaces on
// one root at once, 50 rounds (on both backends): no definition is
// lost, however their loads and saves interleave.
func TestConcurrentDefines(t *testing.T) {
	if root := os.Getenv("LENSNET_DEFINE_ROOT"); root != "" {
		c, err := iface.Open(iface.Options{Root: root})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		name := os.Getenv("LENSNET_DEFINE_NAME")
		x := fmt.Sprintf(`<interface type='ethernet' name='%s'><start mode='onboot'/><protocol family='ipv4'><dhcp/></protocol></interface>`, name)
		if _, err := c.Define([]byte(x), name+".xml"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(4)
		}
		os.Exit(0)
	}
	rounds := 50
	if testing.Short() {
		rounds = 10
	}
	for _, regime := range []struct {
		name string
		root func(testing.TB, int) string
	}{{"initscripts", rhelConnections}, {"debian", debianConnections}} {
		t.Run(regime.name, func(t *testing.T) {
			root := regime.root(t, 10)
			for r := range rounds {
				var wg sync.WaitGroup
				errs := make([]error, 2)
				outs := make([][]byte, 2)
				for k := range 2 {
					wg.Go(func() {
						cmd := exec.Command(os.Args[0], "-test.run", "^TestConcurrentDefines$")
						cmd.Env = append(os.Environ(), "LENSNET_DEFINE_ROOT="+root, fmt.Sprintf("LENSNET_DEFINE_NAME=c%d-%d", r, k))
						outs[k], errs[k] = cmd.CombinedOutput()
					})
				}
				wg.Wait()
				for k := range 2 {
					require.NoError(t, errs[k], "round %d: %s", r, outs[k])
				}
			}
			c, err := iface.Open(iface.Options{Root: root})
			require.NoError(t, err)
			names, err := c.Names()
			require.NoError(t, err)
			for r := range rounds {
				for k := range 2 {
					assert.Contains(t, names, fmt.Sprintf("c%d-%d", r, k))
				}
			}
		})
	}
}
