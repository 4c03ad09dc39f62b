# options: -e -s -A -t 'Hosts incl /etc/hosts'
# -s -e with nothing to save: save is
# echoed, and says nothing
get /files/etc/hosts/1/ipaddr
