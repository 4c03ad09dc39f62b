package kernel

// Rate is a traffic limit as libvirt gives it: Average and Peak in
// kilobytes (1,000 bytes) per second, Burst in kibibytes.
type Rate struct {
	Average, Peak, Burst uint64
}
