# options: --span -A -t 'Hosts incl /etc/hosts'
# span of nothing and of several nodes
span /files/etc/nothing
span /files/etc/hosts/*
span /files/etc/hosts/1[
