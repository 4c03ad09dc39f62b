# quit stops the script, later lines (and their errors) are not run
get /files/etc/hosts/1/ipaddr
quit
bogus
set /files/etc/hosts/1/ipaddr 1.2.3.4
save
