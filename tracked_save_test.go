package lensnet

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/lensnet/lensnet/internal/gen"
	"github.com/lensnet/lensnet/tree"
	"github.com/stretchr/testify/require"
)

// TestTrackedSaves: a handle that keeps the layout of every node and
// reads files in full keeps a file fresh across saves (the spans follow
// the text written), and what it writes, save after save, is what a
// handle that reads the file again before each save writes for the same
// edits; a fresh read of each saved text gives the tree edited.
func TestTrackedSaves(t *testing.T) {
	for _, c := range []struct {
		name, file, xform string
		text              string
		edit              func(r *rand.Rand, h *Handle) error
	}{
		{"interfaces", "/etc/network/interfaces", "Interfaces incl /etc/network/interfaces", gen.Interfaces(60), editInterfaces},
		{"shellvars", "/etc/sysconfig/network-scripts/ifcfg-eth0", "Shellvars incl /etc/sysconfig/network-scripts/ifcfg-*",
			"# head\nDEVICE=eth0\nONBOOT=yes\nBOOTPROTO='static'\nIPADDR=10.0.0.1 # addr\nPREFIX=24\n", editShellvars},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, b := t.TempDir(), t.TempDir()
			for _, d := range []string{a, b} {
				p := filepath.Join(d, c.file)
				require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
				require.NoError(t, os.WriteFile(p, []byte(c.text), 0o644))
			}
			open := func(root string) *Handle {
				h, err := Open(Options{Root: root, NoAutoload: true, Transforms: []string{c.xform}, LazyMin: -1, KeepLayout: true})
				require.NoError(t, err)
				return h
			}
			tracked := open(a)
			r1, r2 := rand.New(rand.NewPCG(5, 6)), rand.New(rand.NewPCG(5, 6))
			for round := range 150 {
				if err := c.edit(r1, tracked); err != nil {
					continue
				}
				require.NoError(t, tracked.Save(), "round %d", round)
				// the reference: read again, the same edit, save
				ref := open(b)
				require.NoError(t, c.edit(r2, ref))
				require.NoError(t, ref.Save(), "round %d", round)
				ta, err := os.ReadFile(filepath.Join(a, c.file))
				require.NoError(t, err)
				tb, err := os.ReadFile(filepath.Join(b, c.file))
				require.NoError(t, err)
				require.Equal(t, string(tb), string(ta), "round %d", round)
				fresh := open(a)
				na, _ := tracked.MatchNodes("/files" + c.file)
				nb, _ := fresh.MatchNodes("/files" + c.file)
				require.True(t, tree.Equal(na[0], nb[0]), "round %d: the tree edited is what the text reads as", round)
			}
		})
	}
}

func editInterfaces(r *rand.Rand, h *Handle) error {
	ns, err := h.MatchNodes("/files/etc/network/interfaces/iface")
	if err != nil || len(ns) == 0 {
		return fmt.Errorf("none")
	}
	n := ns[r.IntN(len(ns))]
	switch r.IntN(3) {
	case 0:
		n.Append(tree.NewValue("mtu", fmt.Sprint(1000+r.IntN(8000))))
	case 1:
		for _, k := range n.Children() {
			if l, _ := k.Label(); l != "family" && l != "method" {
				k.SetValue(fmt.Sprint("v", r.IntN(100)))
				return nil
			}
		}
		n.Append(tree.NewValue("mtu", "1500"))
	default:
		kids := n.Children()
		if len(kids) > 2 {
			kids[len(kids)-1].Detach()
		} else {
			n.Append(tree.NewValue("hwaddress", "ether 52:54:00:00:00:01"))
		}
	}
	return nil
}

func editShellvars(r *rand.Rand, h *Handle) error {
	ns, err := h.MatchNodes("/files/etc/sysconfig/network-scripts/ifcfg-eth0/*")
	if err != nil || len(ns) == 0 {
		return fmt.Errorf("none")
	}
	var keys []*tree.Node
	for _, n := range ns {
		if l, _ := n.Label(); l != "#comment" {
			keys = append(keys, n)
		}
	}
	keys[r.IntN(len(keys))].SetValue(fmt.Sprint(r.IntN(1000)))
	return nil
}
