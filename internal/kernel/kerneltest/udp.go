package kerneltest

import (
	"fmt"
	"net"
	"net/netip"
	"runtime"
	"testing"

	"github.com/vishvananda/netns"
)

// InNS runs f on an OS thread moved into the namespace ns, to make
// sockets there (a socket stays in the namespace it was made in). The
// thread comes back before it serves anything else; if it cannot, it
// stays locked and ends with its goroutine.
func InNS(ns string, f func() error) error {
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
			return
		}
		runtime.UnlockOSThread()
		errc <- ferr
	}()
	return <-errc
}

// SendUDP sends n datagrams from inside the namespace ns to to (an
// address inside the test's namespaces only), failing the test if it
// cannot.
func SendUDP(t testing.TB, ns string, to netip.AddrPort, n int) {
	t.Helper()
	err := InNS(ns, func() error {
		// unconnected, so that a port unreachable answer is no error
		c, err := net.ListenUDP("udp", nil)
		if err != nil {
			return err
		}
		defer c.Close()
		for range n {
			if _, err := c.WriteToUDPAddrPort([]byte("lensnet-test"), to); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("send UDP from %s to %s: %v", ns, to, err)
	}
}
