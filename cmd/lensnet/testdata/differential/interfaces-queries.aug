# interfaces: stanzas by family and method, auto lists, mappings, continued lines
match /files/etc/network/interfaces/iface[family = 'inet6']
match /files/etc/network/interfaces/iface[method = 'static']/address
match /files/etc/network/interfaces/auto/*
match /files/etc/network/interfaces/allow-hotplug/*
match /files/etc/network/interfaces/mapping/map
get /files/etc/network/interfaces/iface[. = 'bond0']/bond-slaves
match /files/etc/network/interfaces/source
match /files/etc/network/interfaces/source-directory
match /files/etc/network/interfaces/iface[. = 'br0']/up
count /files/etc/network/interfaces/#comment
match /files/etc/network/interfaces/iface[count(address) = 0]
