# options: -L -A -t 'Hosts incl /etc/hosts' -t 'Resolv incl /etc/resolv.conf'
# load-file loads one file through the transform that claims it
match /files/etc/*
load-file /etc/resolv.conf
match /files/etc/*
load-file /etc/nothing
load-file /etc/sysctl.conf
match /files/etc/*
