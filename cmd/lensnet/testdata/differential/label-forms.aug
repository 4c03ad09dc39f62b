# label: of a node, of a seq node, no match, of the root of a file, too many
label /files/etc/hosts/3/alias
label /files/etc/hosts/*[last()]
label /files/etc/nothing
label /files/etc/network/interfaces
label /files/etc/hosts/*
label /files/etc/hosts/1/ipaddr[
