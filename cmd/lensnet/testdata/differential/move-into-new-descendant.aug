# a move into the node's own subtree, to a destination that does not exist yet
mv /files/etc/hosts/1 /files/etc/hosts/1/canonical/x
print /files/etc/hosts/1
save
