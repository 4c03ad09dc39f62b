package dnsmasq_test

import (
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lensnet/lensnet/internal/dnsmasq"
	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
)

const guestMAC = "52:54:00:00:00:01"

// need skips without the programs unless the test runs as root,
// where the CI machine has them (scripts/test.sh installs them) and a
// missing one is a failure.
func need(t *testing.T, progs ...string) {
	t.Helper()
	for _, p := range progs {
		if _, err := exec.LookPath(p); err != nil {
			if os.Geteuid() == 0 {
				t.Fatalf("%s is not on PATH", p)
			}
			t.Skipf("%s is not on PATH", p)
		}
	}
}

// stateDir is a temporary directory dnsmasq can read after it drops
// root for nobody: it reads its hosts files then, at start and on
// every SIGHUP, and t.TempDir's directories are root's alone.
func stateDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.Chmod(filepath.Dir(dir), 0o755))
	require.NoError(t, os.Chmod(dir, 0o755))
	return dir
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	require.NoError(t, os.WriteFile(name, []byte(text), 0o644))
}

// network is a "host" namespace with a bridge br0 (10.99.0.1/24)
// and a "guest" namespace whose vg0 (MAC guestMAC) is linked to the
// bridge by a veth pair.
type network struct {
	host, guest string
}

func newNetwork(t *testing.T) network {
	t.Helper()
	host, h := kerneltest.NS(t)
	guest, _ := kerneltest.NS(t)
	require.NoError(t, h.CreateBridge("br0", nil, nil))
	require.NoError(t, h.AddAddr("br0", netip.MustParsePrefix("10.99.0.1/24")))
	require.NoError(t, h.SetUp("br0", true))
	require.NoError(t, h.SetUp("lo", true))
	require.NoError(t, h.CreateVeth("vh0", "vg0"))
	require.NoError(t, h.SetMAC("vg0", guestMAC))
	require.NoError(t, h.SetMaster("vh0", "br0"))
	require.NoError(t, h.SetUp("vh0", true))
	kerneltest.IP(t, host, "link", "set", "vg0", "netns", guest)
	kerneltest.IP(t, guest, "link", "set", "vg0", "up")
	kerneltest.IP(t, guest, "link", "set", "lo", "up")
	return network{host: host, guest: guest}
}

// udhcpc asks for a lease from the guest (sending hostname guest1)
// and returns the address udhcpc's script was given, which the
// script also puts on vg0.
func (n network) udhcpc(t *testing.T, dir string) string {
	t.Helper()
	script := filepath.Join(dir, "udhcpc.sh")
	got := filepath.Join(dir, "udhcpc.ip")
	writeFile(t, script, `#!/bin/sh
case "$1" in
deconfig) ip addr flush dev "$interface" ;;
bound|renew) ip addr flush dev "$interface"; ip addr add "$ip/$mask" dev "$interface"; echo "$ip" > `+got+` ;;
esac
`)
	require.NoError(t, os.Chmod(script, 0o755))
	os.Remove(got)
	kerneltest.Exec(t, n.guest, "busybox", "udhcpc", "-i", "vg0", "-n", "-q", "-t", "5", "-T", "1", "-x", "hostname:guest1", "-s", script)
	b, err := os.ReadFile(got)
	require.NoError(t, err, "udhcpc's script did not run")
	return strings.TrimSpace(string(b))
}

// nslookup resolves name from the guest through dnsmasq on the
// bridge, and returns busybox nslookup's output.
func (n network) nslookup(t *testing.T, name string) string {
	t.Helper()
	out, _ := kerneltest.TryExec(n.guest, "busybox", "nslookup", "-type=a", name, "10.99.0.1")
	return out
}

// leaseFor waits (dnsmasq writes its lease file after answering) for
// the lease of mac with address ip.
func leaseFor(t *testing.T, file, mac, ip string) dnsmasq.Lease {
	t.Helper()
	var leases []dnsmasq.Lease
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var err error
		leases, err = dnsmasq.Leases(file)
		require.NoError(t, err)
		for _, l := range leases {
			if l.MAC == mac && l.IP.String() == ip {
				return l
			}
		}
	}
	t.Fatalf("no lease of %s for %s in %v", ip, mac, leases)
	return dnsmasq.Lease{}
}

func alive(pid int) bool {
	b, err := os.ReadFile("/proc/" + itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	i := strings.LastIndexByte(string(b), ')')
	return i > 0 && b[i+2] != 'Z'
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestDHCPAndDNS runs dnsmasq on a bridge in a test namespace with a
// generated config; a guest in a second namespace gets the address
// the hosts file gives its MAC (and the lease file records it) and
// resolves a name of the addn-hosts file through it. After the hosts
// files change, nothing changes until Reload (SIGHUP): then the guest
// gets its new address and the name its new one. Stop ends the
// process and removes the pid file.
func TestDHCPAndDNS(t *testing.T) {
	need(t, "dnsmasq", "busybox", "ip")
	n := newNetwork(t)
	dir := stateDir(t)
	conf, pidFile := filepath.Join(dir, "net1.conf"), filepath.Join(dir, "net1.pid")
	hostsFile, addnHosts, leaseFile := filepath.Join(dir, "net1.hostsfile"), filepath.Join(dir, "net1.addnhosts"), filepath.Join(dir, "net1.leases")
	writeFile(t, hostsFile, guestMAC+",10.99.0.15\n")
	writeFile(t, addnHosts, "10.99.0.5 web.test\n")

	var c dnsmasq.Conf
	require.NoError(t, c.Comment("test network net1"))
	for _, kv := range [][2]string{
		{"interface", "br0"}, {"except-interface", "lo"}, {"bind-dynamic", ""}, {"no-resolv", ""}, {"no-hosts", ""},
		{"dhcp-range", "10.99.0.10,10.99.0.20,255.255.255.0"}, {"dhcp-authoritative", ""},
		{"dhcp-hostsfile", hostsFile}, {"addn-hosts", addnHosts}, {"dhcp-leasefile", leaseFile},
		{"log-facility", filepath.Join(dir, "net1.log")},
	} {
		if kv[1] == "" {
			require.NoError(t, c.Flag(kv[0]))
		} else {
			require.NoError(t, c.Add(kv[0], kv[1]))
		}
	}
	writeFile(t, conf, c.String())
	t.Cleanup(func() {
		if t.Failed() {
			log, _ := os.ReadFile(filepath.Join(dir, "net1.log"))
			t.Logf("dnsmasq's log:\n%s", log)
		}
	})

	o := dnsmasq.Options{NetNS: n.host, ConfFile: conf, PidFile: pidFile}
	pid, err := dnsmasq.Start(o)
	require.NoError(t, err)
	t.Cleanup(func() { dnsmasq.Stop(pidFile, conf) }) // before the namespaces go
	assert.True(t, alive(pid))
	got, ok := dnsmasq.Running(pidFile, conf)
	assert.True(t, ok)
	assert.Equal(t, pid, got)
	got, ok = o.Running()
	assert.True(t, ok, "dnsmasq runs in the host namespace")
	assert.Equal(t, pid, got)
	_, ok = dnsmasq.Options{NetNS: n.guest, ConfFile: conf, PidFile: pidFile}.Running()
	assert.False(t, ok, "dnsmasq does not run in the guest namespace")

	// a second start finds it running
	again, err := dnsmasq.Start(o)
	assert.ErrorIs(t, err, dnsmasq.ErrRunning)
	assert.Equal(t, pid, again)

	// DHCP: the hosts file's address for the guest's MAC
	assert.Equal(t, "10.99.0.15", n.udhcpc(t, dir))
	assert.Contains(t, kerneltest.IP(t, n.guest, "-4", "-o", "addr", "show", "vg0"), "10.99.0.15/24")
	l := leaseFor(t, leaseFile, guestMAC, "10.99.0.15")
	assert.Equal(t, "guest1", l.Hostname)
	assert.Equal(t, "01:"+guestMAC, l.ClientID, "udhcpc sends client id 1 and the MAC")
	assert.WithinDuration(t, time.Now().Add(time.Hour), l.Expiry, time.Minute, "dnsmasq's default lease time is an hour")

	// DNS: addn-hosts, through dnsmasq on the bridge
	assert.Contains(t, n.nslookup(t, "web.test"), "10.99.0.5")

	// new hosts files: nothing changes until SIGHUP
	writeFile(t, hostsFile, guestMAC+",10.99.0.16\n")
	writeFile(t, addnHosts, "10.99.0.6 web.test\n")
	assert.Contains(t, n.nslookup(t, "web.test"), "10.99.0.5", "dnsmasq re-read addn-hosts without a SIGHUP")
	assert.Equal(t, "10.99.0.15", n.udhcpc(t, dir), "dnsmasq re-read dhcp-hostsfile without a SIGHUP")

	require.NoError(t, dnsmasq.Reload(pidFile, conf))
	require.NoError(t, o.Reload())
	out := n.nslookup(t, "web.test")
	assert.Contains(t, out, "10.99.0.6")
	assert.NotContains(t, out, "10.99.0.5")
	assert.Equal(t, "10.99.0.16", n.udhcpc(t, dir))
	leaseFor(t, leaseFile, guestMAC, "10.99.0.16")
	got, ok = dnsmasq.Running(pidFile, conf)
	assert.True(t, ok)
	assert.Equal(t, pid, got, "Reload restarted dnsmasq")

	// a Stop for another config finds no dnsmasq of its own: the pid
	// file is stale for it and goes, the process stays
	pidText, err := os.ReadFile(pidFile)
	require.NoError(t, err)
	require.NoError(t, dnsmasq.Stop(pidFile, conf+".other"))
	assert.True(t, alive(pid), "Stop with another config killed dnsmasq")
	assert.NoFileExists(t, pidFile)
	writeFile(t, pidFile, string(pidText))

	// Options.Stop in another namespace leaves it alone
	err = dnsmasq.Options{NetNS: n.guest, ConfFile: conf, PidFile: pidFile}.Stop()
	assert.ErrorIs(t, err, dnsmasq.ErrOtherNamespace)
	assert.True(t, alive(pid))
	assert.FileExists(t, pidFile)

	require.NoError(t, o.Stop())
	assert.False(t, alive(pid), "dnsmasq still runs")
	assert.NoFileExists(t, pidFile)
	_, ok = dnsmasq.Running(pidFile, conf)
	assert.False(t, ok)
	require.NoError(t, dnsmasq.Stop(pidFile, conf), "a second Stop")
	assert.ErrorIs(t, dnsmasq.Reload(pidFile, conf), dnsmasq.ErrNotRunning)
	leases, err := dnsmasq.Leases(leaseFile)
	require.NoError(t, err)
	assert.NotEmpty(t, leases, "the lease file outlives dnsmasq")
}

// TestStartBadConfig: a config line dnsmasq refuses makes Start fail
// with dnsmasq's own message, on one line; no process and no pid file
// are left.
func TestStartBadConfig(t *testing.T) {
	need(t, "dnsmasq", "ip")
	ns, _ := kerneltest.NS(t)
	dir := stateDir(t)
	conf, pidFile := filepath.Join(dir, "bad.conf"), filepath.Join(dir, "bad.pid")
	writeFile(t, conf, "no-resolv\nno-hosts\nport=0\nbogus-option=1\n")
	_, err := dnsmasq.Start(dnsmasq.Options{NetNS: ns, ConfFile: conf, PidFile: pidFile})
	require.Error(t, err)
	assert.Equal(t, "start dnsmasq: bad option at line 4 of "+conf, err.Error())
	var ee *exec.ExitError
	assert.ErrorAs(t, err, &ee)
	assert.NoFileExists(t, pidFile)

	// the namespace does not exist: ip's message
	writeFile(t, conf, "no-resolv\nno-hosts\nport=0\n")
	_, err = dnsmasq.Start(dnsmasq.Options{NetNS: "lensnet-test-no-such-namespace", ConfFile: conf, PidFile: pidFile})
	assert.EqualError(t, err, `start dnsmasq: Cannot open network namespace "lensnet-test-no-such-namespace": No such file or directory`)
}

// TestStartRefuses: options that would take the pid file or the
// daemon out of Start's hands, and names that are not names, are
// refused before anything runs.
func TestStartRefuses(t *testing.T) {
	dir := t.TempDir()
	conf, pidFile := filepath.Join(dir, "x.conf"), filepath.Join(dir, "x.pid")
	for _, c := range []struct{ name, conf, want string }{
		{"pid-file", "no-resolv\n pid-file = /tmp/other.pid\n", "line 2 sets pid-file, which Start sets itself (pid file, daemon, config)"},
		{"keep-in-foreground", "# comment\nkeep-in-foreground\n", "line 2 sets keep-in-foreground"},
		{"no-daemon", "no-daemon\n", "line 1 sets no-daemon"},
		{"conf-dir", "conf-dir=/etc/dnsmasq.d\n", "line 1 sets conf-dir"},
	} {
		t.Run(c.name, func(t *testing.T) {
			writeFile(t, conf, c.conf)
			_, err := dnsmasq.Start(dnsmasq.Options{Binary: "/bin/true", ConfFile: conf, PidFile: pidFile})
			assert.ErrorContains(t, err, c.want)
		})
	}
	writeFile(t, conf, "no-resolv\n")
	for _, o := range []dnsmasq.Options{
		{Binary: "/bin/true", ConfFile: conf},
		{Binary: "/bin/true", PidFile: pidFile},
		{Binary: "/bin/true", ConfFile: conf, PidFile: pidFile, NetNS: "-all"},
		{Binary: "/bin/true", ConfFile: conf, PidFile: pidFile, NetNS: "../x"},
		{Binary: "/no/such/dnsmasq", ConfFile: conf, PidFile: pidFile},
	} {
		_, err := dnsmasq.Start(o)
		assert.Error(t, err, "%+v", o)
	}
}

// TestStopForeignProcess: a pid file that names a process other than
// our dnsmasq (the test's own sleep, a dnsmasq of another config)
// gets nothing killed; Stop removes the stale pid file.
func TestStopForeignProcess(t *testing.T) {
	dir := t.TempDir()
	conf, pidFile := filepath.Join(dir, "x.conf"), filepath.Join(dir, "x.pid")
	sleep := exec.Command("sleep", "60")
	require.NoError(t, sleep.Start())
	t.Cleanup(func() { sleep.Process.Kill(); sleep.Wait() })
	writeFile(t, pidFile, itoa(sleep.Process.Pid)+"\n")

	_, ok := dnsmasq.Running(pidFile, conf)
	assert.False(t, ok)
	assert.ErrorIs(t, dnsmasq.Reload(pidFile, conf), dnsmasq.ErrNotRunning)
	assert.FileExists(t, pidFile, "Reload removed the pid file")
	require.NoError(t, dnsmasq.Stop(pidFile, conf))
	assert.NoError(t, sleep.Process.Signal(syscall.Signal(0)), "Stop signalled the sleep")
	assert.True(t, alive(sleep.Process.Pid))
	assert.NoFileExists(t, pidFile)

	// garbage and dead pids: the pid file goes, nothing else happens
	for _, text := range []string{"", "x\n", "1\n", "-5\n", "99999999\n"} {
		writeFile(t, pidFile, text)
		require.NoError(t, dnsmasq.Stop(pidFile, conf), "%q", text)
		assert.NoFileExists(t, pidFile)
	}
	require.NoError(t, dnsmasq.Stop(pidFile, conf), "no pid file")
}
