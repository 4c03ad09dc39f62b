# mv/move and cp/copy: into an existing node, to a new node, errors
cp /files/etc/hosts/1/alias /files/etc/hosts/2/alias[last()+1]
copy /files/etc/hosts/3 /files/etc/hosts/30
mv /files/etc/hosts/30/alias /files/etc/hosts/30/canonical
move /files/etc/hosts/4/alias[2] /files/etc/hosts/5/alias[last()+1]
mv /files/etc/hosts/6 /files/etc/hosts/2
cp /files/etc/hosts/* /files/etc/hosts/40
cp /files/etc/nothing /files/etc/hosts/41
cp /files/etc/hosts/1 /files/etc/hosts/*/alias
mv /files/etc/hosts/1
print /files/etc/hosts
save
