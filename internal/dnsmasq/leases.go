package dnsmasq

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"time"
)

// Lease is one line of dnsmasq's lease file (--dhcp-leasefile).
type Lease struct {
	// Expiry is when the lease ends; zero for an infinite lease
	// (dnsmasq writes 0).
	Expiry time.Time
	// IP is the leased address, IPv4 or IPv6.
	IP netip.Addr
	// MAC is the client's hardware address for an IPv4 lease, as
	// dnsmasq writes it ("52:54:00:00:00:01"; a hardware type other
	// than Ethernet comes first, as "06-..."); "" for IPv6.
	MAC string
	// IAID is the identity association of an IPv6 lease, and
	// Temporary is true when that is a temporary address (IA_TA).
	IAID      uint32
	Temporary bool
	// Hostname is the name the client gave, "" for none.
	Hostname string
	// ClientID is the client identifier of an IPv4 lease ("01:" and
	// the MAC for most clients) or the client's DUID for IPv6, in
	// dnsmasq's colon-separated hex; "" for none.
	ClientID string
	// ServerDUID is dnsmasq's own DUID (the file's duid line), for
	// IPv6 leases.
	ServerDUID string
}

// Leases reads dnsmasq's lease file. A file that does not exist yet
// (dnsmasq has not handed out anything) holds no leases. A line that
// is not one of dnsmasq's is an error naming it by number.
func Leases(leaseFile string) ([]Lease, error) {
	b, err := os.ReadFile(leaseFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	leases, err := ParseLeases(b)
	if err != nil {
		return nil, fmt.Errorf("%s:%w", leaseFile, err)
	}
	return leases, nil
}

// ParseLeases parses the text of a lease file: IPv4 lines "EXPIRY
// MAC IP HOSTNAME CLIENTID", the line "duid SERVERDUID", then IPv6
// lines "EXPIRY [T]IAID IP HOSTNAME CLIENTDUID", '*' standing for an
// absent hostname or client id. Its errors begin with the line number
// and a colon.
func ParseLeases(b []byte) ([]Lease, error) {
	var leases []Lease
	duid := ""
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if f[0] == "duid" && len(f) == 2 {
			duid = f[1]
			continue
		}
		if len(f) != 5 {
			return nil, fmt.Errorf("%d: want 5 fields (expiry, MAC or IAID, address, hostname, client id), have %d", n, len(f))
		}
		var l Lease
		exp, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil || exp < 0 {
			return nil, fmt.Errorf("%d: invalid expiry time %q", n, f[0])
		}
		if exp != 0 {
			l.Expiry = time.Unix(exp, 0)
		}
		l.IP, err = netip.ParseAddr(f[2])
		if err != nil || l.IP.Zone() != "" {
			return nil, fmt.Errorf("%d: invalid address %q", n, f[2])
		}
		if l.IP.Is4() {
			l.MAC = f[1]
		} else {
			iaid, temp := strings.CutPrefix(f[1], "T")
			v, err := strconv.ParseUint(iaid, 10, 32)
			if err != nil {
				return nil, fmt.Errorf("%d: invalid IAID %q", n, f[1])
			}
			l.IAID, l.Temporary, l.ServerDUID = uint32(v), temp, duid
		}
		if f[3] != "*" {
			l.Hostname = f[3]
		}
		if f[4] != "*" {
			l.ClientID = f[4]
		}
		leases = append(leases, l)
	}
	return leases, sc.Err()
}
