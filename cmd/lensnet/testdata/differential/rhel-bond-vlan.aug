# fixture: rhel
# bond and VLAN files: rename a variable, move one, add IPV6 settings
print /files/etc/sysconfig/network-scripts/ifcfg-eth2.100
rename /files/etc/sysconfig/network-scripts/ifcfg-bond0/NETMASK PREFIX_UNUSED
set /files/etc/sysconfig/network-scripts/ifcfg-bond0/PREFIX_UNUSED 24
rename /files/etc/sysconfig/network-scripts/ifcfg-bond0/PREFIX_UNUSED PREFIX
mv /files/etc/sysconfig/network-scripts/ifcfg-bond0/ZONE /files/etc/sysconfig/network-scripts/ifcfg-bond0/ZONE_OLD
set /files/etc/sysconfig/network-scripts/ifcfg-eth2.100/IPV6INIT yes
save
