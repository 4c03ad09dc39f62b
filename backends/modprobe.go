package backends

import (
	"github.com/lensnet/lensnet"
	"github.com/lensnet/lensnet/tree"
	"github.com/spf13/afero"
)

// Where both regimes keep a bond's "alias BOND bonding" line (netcf's
// rule): some file of ModprobeDir, NewAliasFile when none has it. The
// drivers load ModprobeDir with the Modprobe lens.
const (
	ModprobeDir  = "/etc/modprobe.d"
	NewAliasFile = ModprobeDir + "/netcf.conf"
)

// BondingAliases are the alias nodes of modprobe.d that load bonding
// for bond.
func BondingAliases(h *lensnet.Handle, bond string) []*tree.Node {
	ns, _ := h.MatchNodes("/files" + ModprobeDir + "/*/alias")
	var out []*tree.Node
	for _, n := range ns {
		if v, _ := n.Value(); v != bond {
			continue
		}
		for _, k := range n.Children() {
			if l, _ := k.Label(); l == "modulename" {
				if m, _ := k.Value(); m == "bonding" {
					out = append(out, n)
				}
			}
		}
	}
	return out
}

// AddBondingAlias makes sure some modprobe.d file says "alias BOND
// bonding", appending the line to NewAliasFile (and making ModprobeDir)
// when none does. The handle's Save writes it.
func AddBondingAlias(h *lensnet.Handle, fs afero.Fs, bond string) error {
	if len(BondingAliases(h, bond)) > 0 {
		return nil
	}
	if !IsDir(fs, ModprobeDir) {
		if err := fs.MkdirAll(ModprobeDir, 0o755); err != nil {
			return err
		}
	}
	p := "/files" + NewAliasFile
	if err := h.Touch(p); err != nil {
		return err
	}
	ns, err := h.MatchNodes(p)
	if err != nil || len(ns) != 1 {
		return err
	}
	a := tree.NewValue("alias", bond)
	a.Append(tree.NewValue("modulename", "bonding"))
	ns[0].Append(a)
	return nil
}

// RemoveBondingAliases removes every "alias BOND bonding" line.
func RemoveBondingAliases(h *lensnet.Handle, bond string) {
	for _, n := range BondingAliases(h, bond) {
		n.Detach()
	}
}
