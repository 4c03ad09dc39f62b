# fixture: rhel
# switch eth0 to DHCP: value changed, address lines removed, saved bytes
set /files/etc/sysconfig/network-scripts/ifcfg-eth0/BOOTPROTO dhcp
rm /files/etc/sysconfig/network-scripts/ifcfg-eth0/IPADDR
rm /files/etc/sysconfig/network-scripts/ifcfg-eth0/PREFIX
rm /files/etc/sysconfig/network-scripts/ifcfg-eth0/GATEWAY
save
print /files/etc/sysconfig/network-scripts/ifcfg-eth0
