# match: NULL values, values with blanks, a value filter, no match with a filter
match /files/etc/hosts/*[alias]/alias
match /files/etc/network/interfaces/iface/dns-nameservers
match /files/etc/hosts/*/canonical localhost
match /files/etc/hosts/*/canonical nosuchhost
match /files/etc/network/interfaces/auto
match /files/etc/hosts/*[ipaddr = '::1']
match /files/etc/resolv.conf/*
