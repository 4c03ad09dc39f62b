set /files/etc/hosts/1/ipaddr 127.0.0.1
save
