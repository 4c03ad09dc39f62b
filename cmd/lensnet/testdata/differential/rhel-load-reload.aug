# fixture: rhel
# load drops unsaved edits of changed files and keeps saved ones
set /files/etc/sysconfig/network-scripts/ifcfg-eth1/MTU 9000
load
get /files/etc/sysconfig/network-scripts/ifcfg-eth1/MTU
set /files/etc/sysconfig/network-scripts/ifcfg-eth1/MTU 1400
save
load
get /files/etc/sysconfig/network-scripts/ifcfg-eth1/MTU
