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

// Read a text held in the tree with a lens, edit the tree, and write it
// back with the text's layout: no file involved.
func ExampleHandle_Store() {
	h, err := lensnet.Open(lensnet.Options{Fs: afero.NewMemMapFs(), NoAutoload: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = h.Set("/text/in", "10.0.0.1\tgw   router # the way out\n")
	if err := h.Store("Hosts.lns", "/text/in", "/parsed"); err != nil {
		fmt.Println(err)
		return
	}
	// a new alias goes after the last one (the comment stays last)
	_ = h.Insert("/parsed/1/alias[last()]", "alias", false)
	_ = h.Set("/parsed/1/alias[last()]", "exit")
	if err := h.Retrieve("Hosts.lns", "/text/in", "/parsed", "/text/out"); err != nil {
		fmt.Println(err)
		return
	}
	out, _, _ := h.Get("/text/out")
	fmt.Print(out)
	// Output:
	// 10.0.0.1	gw   router exit # the way out
}

// Variables hold node sets, strings or numbers, as augtool's defvar.
func ExampleHandle_DefineVariable() {
	fsys := afero.NewMemMapFs()
	_ = afero.WriteFile(fsys, "/etc/hosts", []byte("127.0.0.1 localhost\n10.0.0.2 db01 db\n10.0.0.3 db02\n"), 0o644)
	h, err := lensnet.Open(lensnet.Options{Fs: fsys, NoAutoload: true, Transforms: []string{"Hosts incl /etc/hosts"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, _ = h.DefineVariable("hosts", "/files/etc/hosts/*")
	_, _ = h.DefineVariable("name", "'db02'")
	m, _ := h.Match("$hosts[canonical = $name]/ipaddr")
	fmt.Println(m)
	// Output:
	// [/files/etc/hosts/3/ipaddr]
}
