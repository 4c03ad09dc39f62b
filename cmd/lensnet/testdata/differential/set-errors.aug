# set refuses paths matching several nodes and steps it cannot create
set /files/etc/hosts/*/alias x
set /files/etc/hosts/1/ipaddr
get /files/etc/hosts/1/ipaddr
set /files/etc/hosts/1/ipaddr a b
set
clear /files/etc/hosts/*
clear /files/etc/hosts/1/canonical
get /files/etc/hosts/1/canonical
