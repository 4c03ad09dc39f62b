get /files/etc/hosts/*
set /files/etc/hosts/*/ipaddr x
get /files/etc/hosts[
get /files/etc/hosts/1/ipaddr]
get
bogus
ins x before /files/etc/hosts/*
set /files/etc/hosts/1/ipaddr 10.0.0.1
quit
set /files/etc/hosts/1/ipaddr 10.0.0.2
