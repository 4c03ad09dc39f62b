# options: -A -t 'Hosts incl /etc/hosts'
# info about the handle
info
