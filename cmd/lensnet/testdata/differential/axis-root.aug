# root:: selects the tree's root, which has no label: * does not match it
match /files/etc/hosts/1/root::*
count /files/etc/hosts/1/root::*
