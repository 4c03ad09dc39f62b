# fixture: rhel
# Shellvars keeps quotes in values; new values are written as given
set /files/etc/sysconfig/network-scripts/ifcfg-eth0/NAME '"Primary link"'
set /files/etc/sysconfig/network-scripts/ifcfg-eth0/ZONE "'trusted'"
set /files/etc/sysconfig/network-scripts/ifcfg-eth0/DOMAIN example.net
set /files/etc/sysconfig/network-scripts/ifcfg-eth0/DNS2 9.9.9.9
save
get /files/etc/sysconfig/network-scripts/ifcfg-eth0/NAME
print /files/etc/sysconfig/network-scripts/ifcfg-eth0/ZONE
