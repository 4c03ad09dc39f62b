source /files/etc/hosts/1/ipaddr
source /files/etc/hosts/*
preview /files/etc/hosts/1
set /files/etc/hosts/1/alias[last()+1] foo
preview /files/etc/resolv.conf/nameserver[1]
preview /files/etc/hosts
load
get /files/etc/hosts/1/alias[last()]
transform Modprobe incl /etc/modprobe.d/alsa-base.conf
transform Modprobe frob /x
load
match /files/etc/modprobe.d/*
