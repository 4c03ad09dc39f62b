# comments and blank lines are skipped

set /files/etc/network/interfaces/iface[. = 'lo']/mtu 9000
set /files/etc/sysctl.conf/vm.swappiness 10
clear /files/etc/hosts/1/alias
rm /files/etc/hosts/2
ins 99 after /files/etc/hosts/1
set /files/etc/hosts/99/ipaddr 10.9.9.9
set /files/etc/hosts/99/canonical "new host"
set /files/etc/hosts/99/canonical newhost
save
print /files/etc/hosts/99
