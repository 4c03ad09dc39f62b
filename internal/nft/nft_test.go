package nft_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
	"github.com/lensnet/lensnet/internal/nft"
)

// needNft skips without nft unless the test runs as root, where the
// CI machine has it (scripts/test.sh installs it) and a missing nft
// is a failure.
func needNft(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("nft"); err != nil {
		if os.Geteuid() == 0 {
			t.Fatal("nft is not on PATH (Debian package nftables)")
		}
		t.Skip("nft is not on PATH (Debian package nftables)")
	}
}

// natScript is a network's table as vnet makes them: masquerade for
// its subnet on the way out, forwarding allowed for it.
const natScript = `table inet lensnet-net1 {
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		ip saddr 10.99.0.0/24 ip daddr != 10.99.0.0/24 meta l4proto { tcp, udp } masquerade to :1024-65535
		ip saddr 10.99.0.0/24 ip daddr != 10.99.0.0/24 masquerade
	}
	chain forward {
		type filter hook forward priority filter; policy accept;
		iifname "br-net1" ip saddr 10.99.0.0/24 accept
		oifname "br-net1" ip daddr 10.99.0.0/24 ct state established,related accept
		iifname "br-net1" drop
		oifname "br-net1" drop
	}
}
`

// ruleset is `nft -j list ruleset` in ns, by object kind.
func ruleset(t *testing.T, ns string) map[string][]map[string]any {
	t.Helper()
	var doc struct {
		Nftables []map[string]map[string]any `json:"nftables"`
	}
	require.NoError(t, json.Unmarshal([]byte(kerneltest.Exec(t, ns, "nft", "-j", "list", "ruleset")), &doc))
	out := map[string][]map[string]any{}
	for _, o := range doc.Nftables {
		for kind, v := range o {
			out[kind] = append(out[kind], v)
		}
	}
	return out
}

// TestApplyAndDelete loads a network's table beside another table in
// a test namespace, finds its chains and rules in the ruleset, and
// deletes it: the other table stays as it was.
func TestApplyAndDelete(t *testing.T) {
	needNft(t)
	ns, _ := kerneltest.NS(t)
	require.NoError(t, nft.Apply(ns, "table ip other {\n\tchain input { type filter hook input priority 0; policy accept; counter; }\n}\n"))
	require.NoError(t, nft.Apply(ns, natScript))

	tables, err := nft.Tables(ns)
	require.NoError(t, err)
	assert.Equal(t, []nft.Table{{Family: "ip", Name: "other", Handle: tables[0].Handle}, {Family: "inet", Name: "lensnet-net1", Handle: tables[1].Handle}}, tables)
	ok, err := nft.HasTable(ns, "inet", "lensnet-net1")
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = nft.HasTable(ns, "ip", "lensnet-net1")
	require.NoError(t, err)
	assert.False(t, ok, "the family is part of a table's identity")

	rs := ruleset(t, ns)
	chains := map[string]map[string]any{}
	for _, c := range rs["chain"] {
		if c["table"] == "lensnet-net1" {
			chains[c["name"].(string)] = c
		}
	}
	require.Len(t, chains, 2)
	assert.Equal(t, "nat", chains["postrouting"]["type"])
	assert.Equal(t, "postrouting", chains["postrouting"]["hook"])
	assert.Equal(t, "filter", chains["forward"]["type"])
	assert.Equal(t, "forward", chains["forward"]["hook"])
	rules := map[string]int{}
	var masq []any
	for _, r := range rs["rule"] {
		if r["table"] != "lensnet-net1" {
			continue
		}
		rules[r["chain"].(string)]++
		for _, e := range r["expr"].([]any) {
			if m, ok := e.(map[string]any)["masquerade"]; ok {
				masq = append(masq, m)
			}
		}
	}
	assert.Equal(t, map[string]int{"postrouting": 2, "forward": 4}, rules)
	assert.Equal(t, []any{map[string]any{"port": map[string]any{"range": []any{1024.0, 65535.0}}}, nil}, masq)

	before := kerneltest.Exec(t, ns, "nft", "list", "table", "ip", "other")
	require.NoError(t, nft.DeleteTable(ns, "inet", "lensnet-net1"))
	tables, err = nft.Tables(ns)
	require.NoError(t, err)
	assert.Equal(t, []nft.Table{{Family: "ip", Name: "other", Handle: tables[0].Handle}}, tables)
	assert.Equal(t, before, kerneltest.Exec(t, ns, "nft", "list", "table", "ip", "other"), "the other table changed")

	// again: nothing there is no error, and the other table stays
	require.NoError(t, nft.DeleteTable(ns, "inet", "lensnet-net1"))
	require.NoError(t, nft.DeleteTable(ns, "ip", "no-such-table"))
	ok, err = nft.HasTable(ns, "ip", "other")
	require.NoError(t, err)
	assert.True(t, ok)
}

// TestApplyIsOneTransaction: a script whose last command fails leaves
// nothing of its first ones behind.
func TestApplyIsOneTransaction(t *testing.T) {
	needNft(t)
	ns, _ := kerneltest.NS(t)
	err := nft.Apply(ns, "table inet half {\n}\nadd rule inet no-such-table c accept\n")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "No such file or directory")
	tables, err := nft.Tables(ns)
	require.NoError(t, err)
	assert.Empty(t, tables)
}

// TestErrors: nft's and ip's messages come back on one line; names
// that could add words to nft's command line are refused before it
// runs.
func TestErrors(t *testing.T) {
	needNft(t)
	ns, _ := kerneltest.NS(t)
	err := nft.Apply(ns, "table inet t2 {\n junk\n}\n")
	assert.EqualError(t, err, "nft -f: 2:2-5: syntax error, unexpected string")
	err = nft.Apply(ns, "table inet t2 {\n junk\n}\nfoo bar\n")
	assert.EqualError(t, err, "nft -f: 2:2-5: syntax error, unexpected string (and 1 more error)")
	var ne *nft.Error
	require.ErrorAs(t, err, &ne)
	var ee *exec.ExitError
	assert.ErrorAs(t, err, &ee)

	_, err = nft.Tables("lensnet-test-no-such-namespace")
	assert.EqualError(t, err, `list tables: Cannot open network namespace "lensnet-test-no-such-namespace": No such file or directory`)

	for _, c := range []struct{ name, family, table, want string }{
		{"family", "inet6", "t", `delete table inet6 t: unknown family "inet6" (want one of ip, ip6, inet, arp, bridge, netdev)`},
		{"semicolon", "inet", "t; flush ruleset", `delete table inet t; flush ruleset: invalid table name "t; flush ruleset" (letters, digits, '_', '.', '-', starting with a letter)`},
		{"space", "inet", "a b", `delete table inet a b: invalid table name "a b" (letters, digits, '_', '.', '-', starting with a letter)`},
		{"empty", "inet", "", `delete table inet : invalid table name "" (letters, digits, '_', '.', '-', starting with a letter)`},
		{"digit", "inet", "1t", `delete table inet 1t: invalid table name "1t" (letters, digits, '_', '.', '-', starting with a letter)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := nft.DeleteTable(ns, c.family, c.table)
			assert.EqualError(t, err, c.want)
			assert.ErrorIs(t, err, nft.ErrInvalid)
		})
	}
	for _, bad := range []string{"-all", "../x", "a/b", "a b", "."} {
		err := nft.Apply(bad, "")
		assert.ErrorIs(t, err, nft.ErrInvalid, bad)
	}
}

func TestValidName(t *testing.T) {
	for name, want := range map[string]bool{
		"lensnet-default": true, "_x": true, "a.b-c_9": true, "A": true,
		"": false, "9a": false, "-a": false, "a b": false, "a;b": false, "a\"": false, "ä": false,
	} {
		assert.Equal(t, want, nft.ValidName(name), "%q", name)
	}
}
