# rename every matching node, count, invalid label, no match
rename /files/etc/hosts/*/alias nick
rename /files/etc/hosts/1/canonical name
rename /files/etc/nothing x
rename /files/etc/hosts/2/nick a/b
rename /files/etc/hosts/2/nick
print /files/etc/hosts/2
match /files/etc/hosts//nick
