# every command succeeds: status 0 even with no-match outputs
get /files/etc/nothing
match /files/etc/nothing
count /files/etc/nothing
rm /files/etc/nothing
print /files/etc/nothing
ls /files/etc/nothing
