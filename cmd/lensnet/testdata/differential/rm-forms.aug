# rm counts every removed node, subtrees included; no match removes 0
rm /files/etc/hosts/*/alias
rm /files/etc/hosts/1
rm /files/etc/nothing
rm /files/etc/hosts/*[ipaddr =~ regexp('ff02.*')]
rm /files/etc/hosts/*[
rm
print /files/etc/hosts
save
