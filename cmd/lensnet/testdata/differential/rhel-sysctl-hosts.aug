# fixture: rhel
# the RHEL hosts and sysctl files through the same lenses
match /files/etc/hosts/*/canonical
match /files/etc/sysctl.conf/*[label() != '#comment']
set /files/etc/sysctl.conf/net.ipv4.ip_forward 1
save
