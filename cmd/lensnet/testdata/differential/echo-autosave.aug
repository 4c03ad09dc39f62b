# options: -e -s -A -t 'Hosts incl /etc/hosts'
# -s -e: the autosave is echoed as save
# after the last prompt, then the newline
set /files/etc/hosts/1/ipaddr 10.0.0.1
get /files/etc/hosts/1/ipaddr
