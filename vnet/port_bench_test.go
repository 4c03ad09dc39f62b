package vnet_test

import (
	"testing"
	"time"

	"github.com/lensnet/lensnet/vnet"
	"github.com/stretchr/testify/require"
)

// BenchmarkPorts creates 10,000 ports on a vepa network with a
// 64-device pool, then deletes them all, and reports the cost of one
// create over the first and the last 1,000 creates, and of one delete
// over the first and the last 1,000 deletes: they stay flat as ports
// accumulate (no operation looks at every port).
func BenchmarkPorts(b *testing.B) {
	const total, window = 10000, 1000
	iface := guest("bench", "/>")
	for b.Loop() {
		b.StopTimer()
		root := b.TempDir()
		c, err := vnet.Open(vnet.Options{Root: root, Activator: &vnet.Recorder{}})
		require.NoError(b, err)
		n := started(b, c, poolXML("bench", "vepa", 64, ""))
		b.StartTimer()
		ports := make([]*vnet.Port, 0, total)
		var firstC, lastC, firstD, lastD time.Duration
		start := time.Now()
		for i := range total {
			if i == total-window {
				firstC = lastC // keep first
				start = time.Now()
			}
			p, err := n.CreatePort(iface, "g.xml", vnet.PortCreateFlags{})
			if err != nil {
				b.Fatal(err)
			}
			ports = append(ports, p)
			if i == window-1 {
				lastC = time.Since(start)
			}
		}
		firstC, lastC = lastC, time.Since(start)
		start = time.Now()
		for i, p := range ports {
			if i == total-window {
				start = time.Now()
			}
			if err := p.Delete(); err != nil {
				b.Fatal(err)
			}
			if i == window-1 {
				firstD = time.Since(start)
			}
		}
		lastD = time.Since(start)
		u, err := n.Usage()
		require.NoError(b, err)
		require.Zero(b, u.Ports)
		b.ReportMetric(float64(firstC.Microseconds())/window, "µs/create-first1k")
		b.ReportMetric(float64(lastC.Microseconds())/window, "µs/create-last1k")
		b.ReportMetric(float64(firstD.Microseconds())/window, "µs/delete-first1k")
		b.ReportMetric(float64(lastD.Microseconds())/window, "µs/delete-last1k")
	}
}
