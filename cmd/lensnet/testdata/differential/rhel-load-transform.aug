# fixture: rhel
# options: -A -t 'Shellvars incl /etc/sysconfig/network-scripts/ifcfg-eth0'
# transform adds files to the next load; excl removes them
count /files/etc/sysconfig/network-scripts/*
transform Shellvars incl /etc/sysconfig/network-scripts/ifcfg-eth*
load
count /files/etc/sysconfig/network-scripts/*
transform Shellvars excl /etc/sysconfig/network-scripts/ifcfg-eth2*
load
match /files/etc/sysconfig/network-scripts/*
transform Sysctl incl /etc/sysctl.d/*.conf
load
match /files/etc/sysctl.d/*
