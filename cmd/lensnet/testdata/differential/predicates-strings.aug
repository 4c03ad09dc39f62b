# a string predicate compares the node's own value; = and != are existential
match /files/etc/hosts/*/ipaddr['::1']
match /files/etc/hosts/*[alias = 'ip6-loopback']
match /files/etc/hosts/*[alias != 'ip6-loopback']/canonical
match /files/etc/hosts/*[alias = "localhost"]
match /files/etc/network/interfaces/iface[. = 'eno1'][family = 'inet6']/address
match /files/etc/hosts/*[ipaddr = ../*[1]/ipaddr]
match /files/etc/hosts/*[canonical = alias]
