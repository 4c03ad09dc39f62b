# options: -e -A -t 'Hosts incl /etc/hosts'
# -e at the end of the input (no quit):
# one more prompt, then a newline
get /files/etc/hosts/1/ipaddr
count /files/etc/hosts/*
