package ifxmltest_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/lensnet/lensnet/iface/ifxml/ifxmltest"
)

// A seeded source gives the same interfaces on every run.
func ExampleRandom() {
	r := rand.New(rand.NewPCG(1, 1))
	for range 3 {
		ifc := ifxmltest.Random(r)
		if err := ifc.Validate(); err != nil {
			fmt.Println(err)
		}
		fmt.Println(ifc.Type, ifc.Name)
	}
	// Output:
	// ethernet eth2
	// bond bond6
	// vlan enp6s0.4095
}
