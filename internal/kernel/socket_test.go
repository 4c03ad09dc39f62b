package kernel_test

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/vishvananda/netns"
)

// inNS runs f on an OS thread moved into the namespace ns, to make
// sockets there: a socket stays in the namespace it was made in. The
// thread comes back before it serves anything else; if it cannot, it
// stays locked and dies with its goroutine.
func inNS(ns string, f func() error) error {
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		orig, err := netns.Get()
		if err != nil {
			runtime.UnlockOSThread()
			errc <- err
			return
		}
		defer orig.Close()
		target, err := netns.GetFromName(ns)
		if err != nil {
			runtime.UnlockOSThread()
			errc <- err
			return
		}
		defer target.Close()
		if err := netns.Set(target); err != nil {
			runtime.UnlockOSThread()
			errc <- err
			return
		}
		ferr := f()
		if err := netns.Set(orig); err != nil {
			errc <- fmt.Errorf("could not leave namespace %s: %w", ns, err)
			return // the thread stays locked and ends with the goroutine
		}
		runtime.UnlockOSThread()
		errc <- ferr
	}()
	return <-errc
}

// udpEcho is a UDP echo server listening on addr inside ns, and a
// client bound to from inside peerNS; roundTrip sends a datagram and
// waits for its echo.
type udpEcho struct {
	server, client *net.UDPConn
	to             *net.UDPAddr
}

// newUDPEcho binds both ends, retrying while the addresses are not
// yet usable (IPv6 duplicate address detection), up to the deadline.
func newUDPEcho(t *testing.T, ns string, addr netip.Addr, peerNS string, from netip.Addr, deadline time.Time) *udpEcho {
	t.Helper()
	e := &udpEcho{}
	var err error
	for {
		err = inNS(ns, func() (err error) {
			e.server, err = net.ListenUDP("udp", net.UDPAddrFromAddrPort(netip.AddrPortFrom(addr, 0)))
			return err
		})
		if err == nil {
			break
		}
		require.True(t, time.Now().Before(deadline), "listen on %s in %s: %v", addr, ns, err)
		time.Sleep(100 * time.Millisecond)
	}
	t.Cleanup(func() { e.server.Close() })
	go func() {
		buf := make([]byte, 2048)
		for {
			n, src, err := e.server.ReadFromUDPAddrPort(buf)
			if err != nil {
				return // closed
			}
			e.server.WriteToUDPAddrPort(buf[:n], src)
		}
	}()
	e.to = net.UDPAddrFromAddrPort(e.server.LocalAddr().(*net.UDPAddr).AddrPort())
	for {
		err = inNS(peerNS, func() (err error) {
			e.client, err = net.ListenUDP("udp", net.UDPAddrFromAddrPort(netip.AddrPortFrom(from, 0)))
			return err
		})
		if err == nil {
			break
		}
		require.True(t, time.Now().Before(deadline), "bind %s in %s: %v", from, peerNS, err)
		time.Sleep(100 * time.Millisecond)
	}
	t.Cleanup(func() { e.client.Close() })
	return e
}

// roundTrip sends msg and waits up to wait for it to come back.
func (e *udpEcho) roundTrip(msg string, wait time.Duration) error {
	if _, err := e.client.WriteToUDP([]byte(msg), e.to); err != nil {
		return err
	}
	buf := make([]byte, 2048)
	e.client.SetReadDeadline(time.Now().Add(wait))
	for {
		n, _, err := e.client.ReadFromUDP(buf)
		if err != nil {
			return err
		}
		if string(buf[:n]) == msg {
			return nil
		}
	}
}

// waitRoundTrip repeats round trips until one succeeds or the
// deadline passes.
func (e *udpEcho) waitRoundTrip(deadline time.Time) error {
	for i := 0; ; i++ {
		err := e.roundTrip(fmt.Sprintf("hello %d", i), 200*time.Millisecond)
		if err == nil || time.Now().After(deadline) {
			return err
		}
		var ne net.Error
		if !errors.As(err, &ne) || !ne.Timeout() {
			time.Sleep(100 * time.Millisecond) // e.g. no route yet
		}
	}
}
