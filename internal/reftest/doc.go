// Package reftest gives the tests of several packages what they look
// up outside their own folder: the module's root, the reference data
// of the conformance layer (shared/reference beside the module, or
// $LENSNET_SHARED/reference), which is not part of the project and
// whose absence skips a test saying so, and libvirt's schemas through
// xmllint.
package reftest
