package xform_test

import (
	"fmt"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/xform"
)

const exampleRules = `
map yesno yes=on no=off
detect bridge TYPE=Bridge
detect ethernet
section common
value  @name         DEVICE
value  mtu/@size     MTU
section bridge
const  TYPE          Bridge
value  bridge/@stp   STP map=yesno
unit top ethernet = common
unit top bridge   = common bridge
`

func xml(el *etree.Element) string {
	doc := etree.NewDocument()
	doc.SetRoot(el)
	s, _ := doc.WriteToString()
	return s
}

// The worked example of the package documentation.
func Example() {
	rs, err := xform.Parse("example.xf", []byte(exampleRules), nil)
	if err != nil {
		panic(err)
	}
	rec := &xform.Record{}
	rec.Add("DEVICE", "br0")
	rec.Add("TYPE", "Bridge")
	rec.Add("STP", "yes")
	typ := rs.Type(rec)
	unit, _ := rs.Unit("top", typ)
	el := etree.NewElement("interface")
	if err := unit.Get(rec, el); err != nil {
		panic(err)
	}
	fmt.Println(typ, xml(el))

	el.CreateElement("mtu").CreateAttr("size", "9000")
	out, err := unit.Put(el, rec)
	if err != nil {
		panic(err)
	}
	fmt.Println(out.Entries)
	// Output:
	// bridge <interface name="br0"><bridge stp="on"/></interface>
	// [{DEVICE br0} {MTU 9000} {TYPE Bridge} {STP yes}]
}
