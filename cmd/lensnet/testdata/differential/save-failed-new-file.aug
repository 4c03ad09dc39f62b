# options: -A -t 'Hosts incl /etc/hosts' -t 'Hosts incl /etc/nodir/hosts' -t 'Hosts incl /etc/network/interfaces.d'
# a new file that cannot be written says why in errors and under
# /augeas/files: in a missing directory the temporary file cannot be
# made (mk_augtemp), where a directory is the file cannot be read
# (put_read); the other files are saved
set /files/etc/nodir/hosts/1/ipaddr 10.0.0.1
set /files/etc/nodir/hosts/1/canonical a
set /files/etc/network/interfaces.d/1/ipaddr 10.0.0.2
set /files/etc/network/interfaces.d/1/canonical b
set /files/etc/hosts/1/ipaddr 10.0.0.3
save
errors
print /augeas//error
get /files/etc/hosts/1/ipaddr
match /augeas/files/etc/nodir/hosts/*
