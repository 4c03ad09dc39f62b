package nft_test

import (
	"fmt"

	"github.com/lensnet/lensnet/internal/nft"
)

// A NAT network's own table in the namespace "guests" (made with `ip
// netns add`), and its removal on destroy, which leaves every other
// table alone.
func ExampleApply() {
	const script = `table inet lensnet-default {
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		ip saddr 192.168.122.0/24 ip daddr != 192.168.122.0/24 masquerade
	}
}
`
	if err := nft.Apply("guests", script); err != nil {
		fmt.Println(err) // e.g. nft -f: 4:3-4: syntax error, unexpected ...
		return
	}
	// ... on destroy:
	if err := nft.DeleteTable("guests", "inet", "lensnet-default"); err != nil {
		fmt.Println(err)
	}
}

// Names that would add words to nft's command line are refused.
func ExampleValidName() {
	fmt.Println(nft.ValidName("lensnet-default"), nft.ValidName("x; flush ruleset"))
	// Output: true false
}
