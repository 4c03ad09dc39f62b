# errors with no error says so
errors
set /files/etc/hosts/1/ipaddr 10.0.0.1
save
errors
