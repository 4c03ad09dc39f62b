// Package backends will hold one driver per network configuration regime
// (RHEL initscripts, Debian interfaces) implementing the netcf API.
package backends
