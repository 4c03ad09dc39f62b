# removing a file's whole tree deletes the file on save
rm /files/etc/resolv.conf
save
match /files/etc/resolv.conf
