# options: -s -A -t 'Hosts incl /etc/hosts' -t 'Sysctl incl /etc/sysctl.conf'
# -s: a script that ends with quit leaves before the autosave,
# so nothing is written
set /files/etc/sysctl.conf/kernel.sysrq 1
set /files/etc/hosts/1/ipaddr 10.0.0.1
quit
