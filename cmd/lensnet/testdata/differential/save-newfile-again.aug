# options: -n -A -t 'Hosts incl /etc/hosts'
# in newfile mode a save clears the changes; a later edit is written over the .augnew from the original text
set /files/etc/hosts/1/alias a
save
set /files/etc/hosts/1/alias b
save
print /files/etc/hosts/1
