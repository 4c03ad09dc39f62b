label /files/etc/hosts/1/ipaddr
label /files/etc/hosts/99
touch /files/etc/hosts/1/alias
touch /files/etc/sysctl.conf/kernel.panic
set /files/etc/sysctl.conf/kernel.panic 10
rename /files/etc/network/interfaces/iface[. = 'lo']/method method
rename /files/etc/hosts/*/bad/x y/z
cp /files/etc/hosts/1 /files/etc/hosts/10
set /files/etc/hosts/10/ipaddr 10.10.10.10
mv /files/etc/hosts/2 /files/etc/hosts/20
cp /files/etc/network/interfaces/iface[1] /files/etc/network/interfaces/iface[1]/x
mv /files/etc/hosts/1 /files/etc/hosts/1/ipaddr
mv /files/etc/hosts/* /files/etc/hosts/30
print /files/etc/hosts
save
