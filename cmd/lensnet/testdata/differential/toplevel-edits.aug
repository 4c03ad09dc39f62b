# fixture: rhel
# edits of a file's top level (values set, nodes renamed, moved, removed
# and added between others), which save writes from the load's layout
set /files/etc/sysctl.conf/net.ipv4.ip_forward 0
rename /files/etc/sysctl.conf/net.ipv4.conf.all.rp_filter net.ipv4.conf.all.log_martians
rm /files/etc/sysctl.conf/net.ipv4.conf.default.accept_source_route
ins kernel.panic before /files/etc/sysctl.conf/net.ipv4.conf.default.rp_filter
set /files/etc/sysctl.conf/kernel.panic 10
set /files/etc/sysconfig/network/HOSTNAME web02.example.com
mv /files/etc/sysconfig/network/GATEWAYDEV /files/etc/sysconfig/network/ZZ
set /files/etc/sysconfig/network/NOZEROCONF no
set /files/etc/modprobe.d/bonding.conf/alias[1]/modulename bonding2
mv /files/etc/modprobe.d/bonding.conf/alias[2] /files/etc/modprobe.d/bonding.conf/alias[last()+1]
set /files/etc/hosts/2/ipaddr ::2
mv /files/etc/hosts/1 /files/etc/hosts/9
set /files/etc/sysconfig/network-scripts/ifcfg-eth0/ONBOOT no
save
print /files/etc/sysctl.conf
print /files/etc/sysconfig/network
print /files/etc/modprobe.d/bonding.conf
