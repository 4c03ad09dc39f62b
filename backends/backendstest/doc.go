// Package backendstest holds what the drivers' tests share: where the
// reference data is, XML compared as netcf's tests compare it, roots
// copied, hashed and compared, and the random round trip of interfaces
// through a driver's files (RoundTrip).
package backendstest
