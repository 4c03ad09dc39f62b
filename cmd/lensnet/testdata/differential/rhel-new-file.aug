# fixture: rhel
# a new ifcfg file created from nothing, and one copied from another
set /files/etc/sysconfig/network-scripts/ifcfg-eth9/DEVICE eth9
set /files/etc/sysconfig/network-scripts/ifcfg-eth9/BOOTPROTO dhcp
set /files/etc/sysconfig/network-scripts/ifcfg-eth9/ONBOOT yes
cp /files/etc/sysconfig/network-scripts/ifcfg-eth2 /files/etc/sysconfig/network-scripts/ifcfg-eth8
set /files/etc/sysconfig/network-scripts/ifcfg-eth8/DEVICE eth8
rm /files/etc/sysconfig/network-scripts/ifcfg-eth8/HWADDR
save
match /files/etc/sysconfig/network-scripts/*/DEVICE
