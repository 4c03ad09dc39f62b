// Package ifxmltest makes random valid interface models (package
// ifxml) for property tests: round trips through the XML, and through
// the backends' configuration files. The same seed gives the same
// models.
package ifxmltest
