get /files/etc/network/interfaces/iface[1]
get /files/etc/network/interfaces/iface[. = 'lo']/method
get /files/etc/network/interfaces/iface
get /files/etc/nothing
match /files/etc/hosts/*/canonical
match /files/etc/hosts/*/ipaddr 127.0.0.1
match /files/etc/none
count /files/etc/network/interfaces/iface
count /files/etc/hosts/1
count /files/etc/none
ls /files/etc/resolv.conf
ls /files/etc/network/interfaces/iface[1]
print /files/etc/resolv.conf
print /files/etc/sysctl.conf/*[1]
