# defnode on an existing node keeps its value; on a new node sets it
defnode h2 /files/etc/hosts/1/canonical other
get /files/etc/hosts/1/canonical
defnode many /files/etc/hosts/* x
count $many
defnode nv /files/etc/sysctl.conf/kernel.panic
print /files/etc/sysctl.conf/kernel.panic
set $nv 10
get /files/etc/sysctl.conf/kernel.panic
defnode
print /augeas/variables
save
