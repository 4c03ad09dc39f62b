package lenses_test

import (
	"fmt"

	"github.com/lensnet/lensnet/internal/gen"
)

// generated returns the generated part of a module's corpus, keyed by a
// name with the file path it would have.
func generated(module string) map[string]string {
	out := map[string]string{}
	switch module {
	case "Shellvars":
		for i := 0; i < 8; i++ {
			out[fmt.Sprintf("gen/etc/sysconfig/network-scripts/ifcfg-eth%d", i)] = gen.Ifcfg(i)
		}
	case "Interfaces":
		for _, n := range []int{1, 5, 23} {
			out[fmt.Sprintf("gen/etc/network/interfaces-%d", n)] = gen.Interfaces(n)
		}
	case "Sysctl":
		for _, n := range []int{1, 10, 97} {
			out[fmt.Sprintf("gen/etc/sysctl.d/%d.conf", n)] = gen.Sysctl(n)
		}
	case "Modprobe":
		for _, n := range []int{1, 6, 31} {
			out[fmt.Sprintf("gen/etc/modprobe.d/%d.conf", n)] = gen.Modprobe(n)
		}
	case "Hosts":
		for _, n := range []int{1, 3, 40} {
			out[fmt.Sprintf("gen/etc/hosts-%d", n)] = gen.Hosts(n)
		}
	case "Resolv":
		for _, n := range []int{1, 3} {
			out[fmt.Sprintf("gen/etc/resolv-%d.conf", n)] = gen.Resolv(n)
		}
	}
	return out
}
