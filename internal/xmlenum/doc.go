// Package xmlenum reads and writes the small enums of the XML models
// (iface/ifxml, vnet/netxml): a uint8 type whose zero value means "not
// given" and a table of the words the XML uses, index by index, kept
// as a table because the words ("802.3ad", "lowerlayerdown") are not
// Go identifiers.
package xmlenum
