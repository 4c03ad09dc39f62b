# fixture: rhel
# modified() is true for changed nodes and their ancestors, until a save
set /files/etc/sysconfig/network-scripts/ifcfg-eth1/MTU 9000
match /files/etc/sysconfig/network-scripts/*[modified()]
match /files/etc/sysconfig/network-scripts/ifcfg-eth1/*[modified()]
save
match /files/etc/sysconfig/network-scripts/*[modified()]
