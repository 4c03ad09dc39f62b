# options: -b -A -t 'Hosts incl /etc/hosts' -t 'Resolv incl /etc/resolv.conf'
# -b keeps the original as .augsave; an untouched file gets none
set /files/etc/hosts/1/alias loopback
save
get /files/etc/hosts/1/alias
