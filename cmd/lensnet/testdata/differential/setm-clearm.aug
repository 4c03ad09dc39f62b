# setm and clearm over every base node, sub-paths creating, . for the base itself
setm /files/etc/hosts/*[alias] alias[1] first
setm /files/etc/hosts/*[ipaddr =~ regexp('ff02.*')] comment multicast
clearm /files/etc/network/interfaces/iface[method = 'dhcp'] hostname
setm /files/etc/resolv.conf/nameserver . 10.0.0.53
setm /files/etc/hosts/* alias[2] x y
setm /files/etc/hosts/*[ x y
setm /files/etc/hosts/nothing alias z
match /files/etc/hosts/*/alias[1]
match /files/etc/hosts/*/comment
match /files/etc/network/interfaces/iface/hostname
match /files/etc/resolv.conf/nameserver
