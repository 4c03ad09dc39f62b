# fixture: rhel
# setm across files: every slave of bond0 gets MTU, every ONBOOT file NM_CONTROLLED
setm /files/etc/sysconfig/network-scripts/*[MASTER = 'bond0'] MTU 9000
setm /files/etc/sysconfig/network-scripts/*[ONBOOT = 'yes'] NM_CONTROLLED no
clearm /files/etc/sysconfig/network-scripts/*[DEVICE = 'lo'] BROADCAST
save
match /files/etc/sysconfig/network-scripts/*/MTU
