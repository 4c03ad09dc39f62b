# fixture: rhel
# ifcfg files with Shellvars: devices, predicates across files, quoted values
match /files/etc/sysconfig/network-scripts/*/DEVICE
match /files/etc/sysconfig/network-scripts/*[ONBOOT = 'yes']/DEVICE
match /files/etc/sysconfig/network-scripts/*[MASTER = 'bond0']
get /files/etc/sysconfig/network-scripts/ifcfg-eth0/NAME
get /files/etc/sysconfig/network-scripts/ifcfg-eth0/DNS2
print /files/etc/sysconfig/network-scripts/ifcfg-eth0/DNS2
get /files/etc/sysconfig/network-scripts/ifcfg-bond0/BONDING_OPTS
count /files/etc/sysconfig/network-scripts/*
match /files/etc/sysconfig/network-scripts/*[label() =~ glob('ifcfg-eth*')]
match /files/etc/sysconfig/network-scripts/*[BOOTPROTO = 'dhcp' or BOOTPROTO = '"dhcp"']
get /files/etc/sysconfig/network/HOSTNAME
ls /files/etc/sysconfig/network-scripts/ifcfg-lo
