package kernel_test

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lensnet/lensnet/internal/kernel"
	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
)

// hostSysctl reads a sysctl of the test process's own namespace
// straight from /proc/sys, which the test never writes.
func hostSysctl(t *testing.T, key string) string {
	t.Helper()
	b, err := os.ReadFile("/proc/sys/" + strings.ReplaceAll(key, ".", "/"))
	require.NoError(t, err)
	return strings.TrimSpace(string(b))
}

// TestSysctlInNamespace writes forwarding sysctls in a test namespace:
// the namespace's value changes (as sysctl(8) run inside it shows),
// the host's does not. The value written is the opposite of the
// host's, so the test tells the two apart whatever the host has.
func TestSysctlInNamespace(t *testing.T) {
	for _, key := range []string{"net.ipv4.ip_forward", "net.ipv6.conf.all.forwarding"} {
		t.Run(key, func(t *testing.T) {
			ns, h := kerneltest.NS(t)
			host := hostSysctl(t, key)
			want := map[string]string{"0": "1", "1": "0"}[host]
			require.NotEmpty(t, want, "host value of %s is %q", key, host)

			require.NoError(t, h.SetSysctl(key, want))
			got, err := h.Sysctl(key)
			require.NoError(t, err)
			assert.Equal(t, want, got)
			assert.Equal(t, want, strings.TrimSpace(kerneltest.Exec(t, ns, "cat", "/proc/sys/"+strings.ReplaceAll(key, ".", "/"))))
			assert.Equal(t, host, hostSysctl(t, key), "the host's %s changed", key)
		})
	}
}

// TestSysctlTabs reads a sysctl of several fields as the kernel
// prints it.
func TestSysctlTabs(t *testing.T) {
	_, h := kerneltest.NS(t)
	got, err := h.Sysctl("net.ipv4.ip_local_port_range")
	require.NoError(t, err)
	assert.Regexp(t, `^\d+\t\d+$`, got)
}

// TestSysctlRefused: keys outside net.*, or that could leave
// /proc/sys/net, are refused before anything is opened; unknown keys
// are fs.ErrNotExist; values of more than one line are refused.
func TestSysctlRefused(t *testing.T) {
	_, h := kerneltest.NS(t)
	for _, key := range []string{
		"", "net", "kernel.hostname", "vm.swappiness", "net..ipv4", "net.ipv4.", ".net.ipv4",
		"net/ipv4/ip_forward", "net.ipv4.conf.eth0/10.forwarding", "net.ipv4/../../kernel/hostname",
		"net.ipv4.ip forward", "net.ipv4.ip_forward\n", "net.ipv4.\x00",
	} {
		t.Run(key, func(t *testing.T) {
			err := h.SetSysctl(key, "1")
			require.ErrorIs(t, err, kernel.ErrSysctlKey)
			_, err = h.Sysctl(key)
			require.ErrorIs(t, err, kernel.ErrSysctlKey)
		})
	}
	_, err := h.Sysctl("net.ipv4.no_such_key")
	assert.ErrorIs(t, err, fs.ErrNotExist)
	assert.EqualError(t, err, "read sysctl net.ipv4.no_such_key: no such file or directory")
	err = h.SetSysctl("net.ipv4.ip_forward", "1\n0")
	var ke *kernel.Error
	require.True(t, errors.As(err, &ke), "%v", err)
	assert.Contains(t, err.Error(), "newline")
	err = h.SetSysctl("net.ipv4.ip_forward", "yes")
	assert.EqualError(t, err, "set sysctl net.ipv4.ip_forward to yes: invalid argument")
}
