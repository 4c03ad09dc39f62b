package lensnet_test

import (
	"errors"
	"fmt"

	"github.com/lensnet/lensnet"
	"github.com/lensnet/lensnet/tree"
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

// A path used many times can be parsed once; the string verbs keep the
// parses of the last paths they were given too.
func ExampleHandle_GetPath() {
	fsys := afero.NewMemMapFs()
	_ = afero.WriteFile(fsys, "/etc/hosts", []byte("127.0.0.1 localhost\n10.0.0.2 db01\n"), 0o644)
	h, err := lensnet.Open(lensnet.Options{Fs: fsys, NoAutoload: true, Transforms: []string{"Hosts incl /etc/hosts"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	addr := tree.MustParsePath("/files/etc/hosts/*[canonical = $name]/ipaddr")
	for _, name := range []string{"'localhost'", "'db01'"} {
		_, _ = h.DefineVariable("name", name)
		v, _, err := h.GetPath(addr)
		fmt.Println(v, err)
	}
	// Output:
	// 127.0.0.1 <nil>
	// 10.0.0.2 <nil>
}

// Save's error takes apart into a *FileError for each file it did not
// write, which Errors lists too.
func ExampleHandle_Save() {
	fsys := afero.NewMemMapFs()
	_ = afero.WriteFile(fsys, "/etc/hosts", []byte("127.0.0.1 localhost\n"), 0o644)
	h, err := lensnet.Open(lensnet.Options{Fs: fsys, NoAutoload: true, Transforms: []string{"Hosts incl /etc/hosts"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = h.Set("/files/etc/hosts/1/colour", "blue") // no such field in a hosts line
	err = h.Save()
	var fe *lensnet.FileError
	if errors.As(err, &fe) {
		fmt.Println(fe.Path, fe.Kind, fe.Node)
	}
	for _, e := range h.Errors() {
		fmt.Println(e.Path, e.Kind, e.Node)
	}
	// Output:
	// /etc/hosts put_failed /files/etc/hosts/1
	// /etc/hosts put_failed /files/etc/hosts/1
}

// A file that does not parse is not loaded; Errors says where it
// failed, 1-based as every position.
func ExampleHandle_Errors() {
	fsys := afero.NewMemMapFs()
	_ = afero.WriteFile(fsys, "/etc/resolv.conf", []byte("nameserver 10.0.0.1\nnameservr 10.0.0.2\n"), 0o644)
	h, err := lensnet.Open(lensnet.Options{Fs: fsys, NoAutoload: true, Transforms: []string{"Resolv incl /etc/resolv.conf"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range h.Errors() {
		fmt.Println(e.Path, e.Kind, e.Line, e.Column)
	}
	char, _, _ := h.Get("/augeas/files/etc/resolv.conf/error/char")
	fmt.Println("Augeas's char:", char)
	// Output:
	// /etc/resolv.conf parse_failed 2 1
	// Augeas's char: 0
}

// Span says where a node's text is in its file.
func ExampleHandle_Span() {
	fsys := afero.NewMemMapFs()
	text := "127.0.0.1 localhost\n10.0.0.2 db01 db\n"
	_ = afero.WriteFile(fsys, "/etc/hosts", []byte(text), 0o644)
	h, err := lensnet.Open(lensnet.Options{Fs: fsys, NoAutoload: true, Span: true, Transforms: []string{"Hosts incl /etc/hosts"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range []string{"/files/etc/hosts/2/alias", "/files/etc/hosts/2"} {
		sp, err := h.Span(p)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s value %q, whole %q\n", sp.File, text[sp.ValueStart:sp.ValueEnd], text[sp.Start:sp.End])
	}
	// Output:
	// /etc/hosts value "db", whole " db"
	// /etc/hosts value "", whole "10.0.0.2 db01 db\n"
}

// The save mode says how Save writes: here next to the file, which
// stays as it was.
func ExampleSaveMode() {
	fsys := afero.NewMemMapFs()
	_ = afero.WriteFile(fsys, "/etc/hosts", []byte("127.0.0.1 localhost\n"), 0o644)
	h, err := lensnet.Open(lensnet.Options{Fs: fsys, NoAutoload: true, SaveMode: lensnet.SaveNewFile,
		Transforms: []string{"Hosts incl /etc/hosts"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	mode, _, _ := h.Get("/augeas/save")
	fmt.Println(lensnet.SaveNewFile, mode)
	_ = h.Set("/files/etc/hosts/1/alias", "lo")
	_ = h.Save()
	old, _ := afero.ReadFile(fsys, "/etc/hosts")
	augnew, _ := afero.ReadFile(fsys, "/etc/hosts.augnew")
	fmt.Print(string(old), string(augnew))
	// Output:
	// newfile newfile
	// 127.0.0.1 localhost
	// 127.0.0.1 localhost lo
}

// A handle reads a file when a path first reaches it; walking the tree
// by its nodes (not by paths) needs ReadAll first.
func ExampleHandle_ReadAll() {
	fsys := afero.NewMemMapFs()
	_ = afero.WriteFile(fsys, "/etc/hosts", []byte("127.0.0.1 localhost\n"), 0o644)
	_ = afero.WriteFile(fsys, "/etc/resolv.conf", []byte("nameserver 10.0.0.1\n"), 0o644)
	h, err := lensnet.Open(lensnet.Options{Fs: fsys, NoAutoload: true,
		Transforms: []string{"Hosts incl /etc/hosts", "Resolv incl /etc/resolv.conf"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	ns, _ := h.MatchNodes("/files/etc/hosts") // reads /etc/hosts only
	for _, n := range ns[0].Parent().Children() {
		l, _ := n.Label()
		fmt.Println(l, n.Len())
	}
	h.ReadAll()
	for _, n := range ns[0].Parent().Children() {
		l, _ := n.Label()
		fmt.Println(l, n.Len())
	}
	// Output:
	// hosts 1
	// resolv.conf 0
	// hosts 1
	// resolv.conf 1
}
