// Package xmlscan finds the lines of an XML document's elements, which
// github.com/beevik/etree does not keep, for readers that report
// errors by line (the interface and network XML models): one token pass
// that also checks the document is well formed, has one root element,
// no DOCTYPE or other directive and no processing instruction but the
// XML declaration. It imports nothing of lensnet's.
package xmlscan
