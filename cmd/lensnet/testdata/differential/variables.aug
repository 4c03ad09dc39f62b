defvar h /files/etc/hosts
get $h/1/ipaddr
defvar lo /files/etc/hosts/*[ipaddr = '127.0.0.1']
match $lo/*
set $lo/alias[last()+1] loopback
defnode nn /files/etc/sysctl.conf/vm.overcommit_memory 2
defnode nn2 /files/etc/sysctl.conf/vm.overcommit_memory 5
get /files/etc/sysctl.conf/vm.overcommit_memory
setm /files/etc/network/interfaces/iface[method = 'static'] mtu 1500
clearm /files/etc/hosts/* ipaddr
setm /files/etc/hosts/* ipaddr 10.1.1.1
setm /files/etc/hosts/*[canonical = 'nope'] ipaddr 1
rm $lo
match $lo
get $undefined
defvar 9bad /files
print /augeas/variables
save
