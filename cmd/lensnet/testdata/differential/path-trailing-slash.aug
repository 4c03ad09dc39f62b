# augtool drops trailing slashes from path arguments
match /files/etc/hosts/
match /files/etc/hosts//
get /files/etc/hosts/1/ipaddr/
ls /files/etc/hosts/1/
