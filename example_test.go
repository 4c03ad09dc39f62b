package lensnet_test

import (
	"fmt"

	"github.com/lensnet/lensnet"
	"github.com/spf13/afero"
)

// Open a root held in memory, change one value of an ifcfg file and
// save: the untouched lines keep their bytes.
func ExampleOpen() {
	fsys := afero.NewMemMapFs()
	_ = afero.WriteFile(fsys, "/etc/sysconfig/network-scripts/ifcfg-eth0",
		[]byte("# managed by hand\nDEVICE=eth0\nIPADDR='192.168.1.10'\n"), 0o644)
	h, err := lensnet.Open(lensnet.Options{Fs: fsys, NoAutoload: true,
		Transforms: []string{"Shellvars incl /etc/sysconfig/network-scripts/ifcfg-*"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	v, _, _ := h.Get("/files/etc/sysconfig/network-scripts/ifcfg-eth0/IPADDR")
	fmt.Println(v)
	_ = h.Set("/files/etc/sysconfig/network-scripts/ifcfg-eth0/IPADDR", "'10.0.0.5'")
	if err := h.Save(); err != nil {
		fmt.Println(err)
	}
	b, _ := afero.ReadFile(fsys, "/etc/sysconfig/network-scripts/ifcfg-eth0")
	fmt.Print(string(b))
	// Output:
	// '192.168.1.10'
	// # managed by hand
	// DEVICE=eth0
	// IPADDR='10.0.0.5'
}
