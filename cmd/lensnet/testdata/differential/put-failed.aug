# a tree the lens cannot write: save fails, nothing written, the status is 1
set /files/etc/hosts/1/bogus x
save
set /files/etc/hosts/2/alias fine
rm /files/etc/hosts/1/bogus
save
