package netxmltest_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/lensnet/lensnet/vnet/netxml/netxmltest"
)

// A seeded source gives the same networks on every run.
func ExampleRandom() {
	r := rand.New(rand.NewPCG(1, 1))
	for range 3 {
		n := netxmltest.Random(r)
		if err := n.Validate(); err != nil {
			fmt.Println(err)
		}
		mode := "isolated"
		if n.Forward != nil {
			mode = n.Forward.Mode.String()
		}
		fmt.Println(n.Name, mode)
	}
	// Output:
	// default isolated
	// net0 open
	// net0 route
}
