// Package backendstest holds what the drivers' tests share: XML
// compared as netcf's tests compare it, roots copied, hashed and
// compared, and the random round trip of interfaces through a driver's
// files (RoundTrip). The reference data comes from internal/reftest.
package backendstest
