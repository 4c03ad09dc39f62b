# ls: children with and without children of their own, repeated labels, no match, several matches
ls /files/etc/hosts
ls /files/etc/hosts/3
ls /files/etc/network/interfaces/iface[2]
ls /files/etc/nothing
ls /files/etc/hosts/*[ipaddr =~ regexp('ff02.*')]
ls /files/etc/resolv.conf/options
