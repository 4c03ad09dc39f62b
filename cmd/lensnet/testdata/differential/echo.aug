# options: -e -A -t 'Hosts incl /etc/hosts'
# -e echoes each command before its output, errors included
get /files/etc/hosts/1/ipaddr

# comments are not echoed
count /files/etc/hosts/*
bogus command
get /files/etc/hosts/*
quit
get /files/etc/hosts/2/ipaddr
