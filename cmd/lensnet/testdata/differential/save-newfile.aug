# options: -n -A -t 'Hosts incl /etc/hosts' -t 'Resolv incl /etc/resolv.conf'
# -n writes .augnew next to the untouched original
set /files/etc/resolv.conf/nameserver[1] 10.0.0.53
rm /files/etc/hosts/1
save
save
