// Package netxmltest makes random valid network models (package
// netxml) for property tests: round trips through the XML, and through
// what is built from a network. The same seed gives the same models.
package netxmltest
