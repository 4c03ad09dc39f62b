// Package tmpfstest gives tests a small file system of their own to
// fill up, for what happens on a nearly full disk: Dir runs the test
// again in a child process inside a private mount namespace (unshare
// --mount --propagation private), where it mounts a tmpfs of the size
// asked on a temporary directory, so that nothing of it is seen or left
// outside that process; Fill fills it up to the room asked. It needs
// root and unshare, and Linux; elsewhere the tests are skipped.
package tmpfstest
