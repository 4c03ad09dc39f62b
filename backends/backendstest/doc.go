// Package backendstest holds what the drivers' tests share: where the
// reference data is, XML compared as netcf's tests compare it, and
// roots copied, hashed and compared.
package backendstest
