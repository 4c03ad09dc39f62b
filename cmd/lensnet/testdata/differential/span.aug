# options: --span -A -t 'Hosts incl /etc/hosts' -t 'Resolv incl /etc/resolv.conf'
# span: byte ranges of a node's label, value and whole text
span /files/etc/hosts/1
span /files/etc/hosts/1/ipaddr
span /files/etc/hosts/3/alias
span /files/etc/resolv.conf/search/domain[2]
