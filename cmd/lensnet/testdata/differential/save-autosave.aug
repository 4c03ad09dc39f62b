# options: -s -A -t 'Hosts incl /etc/hosts' -t 'Sysctl incl /etc/sysctl.conf'
# -s saves after the script, only the changed files
set /files/etc/sysctl.conf/kernel.sysrq 1
get /files/etc/sysctl.conf/kernel.sysrq
