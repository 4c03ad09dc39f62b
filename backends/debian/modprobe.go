package debian

import (
	"github.com/lensnet/lensnet/backends"
	"github.com/lensnet/lensnet/tree"
)

// aliases returns the alias nodes of modprobe.d that load bonding for
// a bond.
func (d *Driver) aliases(bond string) []*tree.Node {
	ns, _ := d.h.MatchNodes("/files" + ModprobeDir + "/*/alias")
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

// addAlias makes sure some modprobe.d file says "alias BOND bonding",
// appending the line to NewAliasFile when none does (netcf's rule).
func (d *Driver) addAlias(bond string) error {
	if len(d.aliases(bond)) > 0 {
		return nil
	}
	if !backends.IsDir(d.fs, ModprobeDir) {
		if err := d.fs.MkdirAll(ModprobeDir, 0o755); err != nil {
			return err
		}
	}
	p := "/files" + NewAliasFile
	if err := d.h.Touch(p); err != nil {
		return err
	}
	ns, err := d.h.MatchNodes(p)
	if err != nil || len(ns) != 1 {
		return err
	}
	a := tree.NewValue("alias", bond)
	a.Append(tree.NewValue("modulename", "bonding"))
	ns[0].Append(a)
	return nil
}

// removeAlias removes every "alias BOND bonding" line.
func (d *Driver) removeAlias(bond string) {
	for _, n := range d.aliases(bond) {
		n.Detach()
	}
}
