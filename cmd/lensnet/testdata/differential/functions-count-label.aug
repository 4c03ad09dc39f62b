# count() and label()
match /files/etc/network/interfaces/*[label() = 'mapping']
match /files/etc/network/interfaces/iface[count(*) > 5]
match /files/etc/network/interfaces/iface[count(address) = 1][count(netmask) = 1]
match /files/etc/hosts/*/*[label() != 'ipaddr' and label() != 'canonical']
match /files/etc/sysctl.conf/*[label() =~ regexp('net\\.ipv4\\..*')]
count /files/etc/sysctl.conf/*[label() != '#comment']
match /files/etc/hosts/*[count(*) = count(../1/*)]
