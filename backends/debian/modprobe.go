package debian

import "github.com/lensnet/lensnet/backends"

// The bonding alias lines, as both regimes keep them (backends).
const (
	ModprobeDir  = backends.ModprobeDir
	NewAliasFile = backends.NewAliasFile
)

func (d *Driver) addAlias(bond string) error { return backends.AddBondingAlias(d.h, d.fs, bond) }

func (d *Driver) removeAlias(bond string) { backends.RemoveBondingAliases(d.h, bond) }
