# fixture: rhel
# comments: matched, inserted before a variable, appended, removed
match /files/etc/sysconfig/network-scripts/ifcfg-eth0/#comment
ins #comment before /files/etc/sysconfig/network-scripts/ifcfg-eth0/MTU
set /files/etc/sysconfig/network-scripts/ifcfg-eth0/#comment[. = ''] "jumbo frames later"
rm /files/etc/sysconfig/network-scripts/ifcfg-lo/#comment
set /files/etc/sysconfig/network-scripts/ifcfg-eth1/#comment[last()+1] "managed by lensnet"
save
