# get: a value, a NULL value, no match, a relative path
get /files/etc/hosts/1/ipaddr
get /files/etc/hosts/1
get /files/etc/hosts/99
get etc/hosts/2/canonical
get /files/etc/network/interfaces/auto[1]/1
get /files/etc/hosts/*[canonical = 'db01.example.org']/alias
get /files/etc/resolv.conf/options/edns0
