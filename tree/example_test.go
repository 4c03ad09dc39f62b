package tree_test

import (
	"fmt"

	"github.com/lensnet/lensnet/tree"
)

// hostsTree is /files/etc/hosts as the Hosts lens reads a file of three
// entries.
func hostsTree() *tree.Node {
	entry := func(seq, ip, canonical string, aliases ...string) *tree.Node {
		e := tree.New(seq)
		e.Append(tree.NewValue("ipaddr", ip), tree.NewValue("canonical", canonical))
		for _, a := range aliases {
			e.Append(tree.NewValue("alias", a))
		}
		return e
	}
	hosts := tree.New("hosts")
	hosts.Append(
		entry("1", "127.0.0.1", "localhost", "localhost.localdomain"),
		entry("2", "192.168.0.1", "router", "gw", "gateway"),
		entry("3", "192.168.0.10", "printer"),
	)
	etc := tree.New("etc")
	etc.Append(hosts)
	files := tree.New("files")
	files.Append(etc)
	root := tree.NewHidden()
	root.Append(files)
	return root
}

// ParsePath parses a path once; the Path can then be evaluated any
// number of times. A path that does not parse gives a *PathError with
// the offset of the problem, shown at |=| as augtool shows it.
func ExampleParsePath() {
	p, err := tree.ParsePath("/files/etc/hosts/*[ipaddr =~ glob('192.168.*')]/canonical")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p)

	_, err = tree.ParsePath("/files/etc/hosts/*[alias = 'gw'")
	fmt.Println(err)
	// Output:
	// /files/etc/hosts/*[ipaddr =~ glob('192.168.*')]/canonical
	// unmatched '[': /files/etc/hosts/*[alias = 'gw'|=| (offset 31)
}

// Match selects the nodes a path names: here the canonical names of the
// entries with more than one alias or a 192.168 address, then every
// alias, with the paths augtool prints for them.
func ExamplePath_Match() {
	root := hostsTree()
	for _, s := range []string{
		"/files/etc/hosts/*[count(alias) > 1 or ipaddr =~ regexp('192\\.168\\..*')]/canonical",
		"//alias",
	} {
		ns, err := tree.MustParsePath(s).Match(root)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, n := range ns {
			v, _ := n.Value()
			fmt.Printf("%s = %q\n", n.Path(), v)
		}
	}
	// Output:
	// /files/etc/hosts/2/canonical = "router"
	// /files/etc/hosts/3/canonical = "printer"
	// /files/etc/hosts/1/alias = "localhost.localdomain"
	// /files/etc/hosts/2/alias[1] = "gw"
	// /files/etc/hosts/2/alias[2] = "gateway"
}
