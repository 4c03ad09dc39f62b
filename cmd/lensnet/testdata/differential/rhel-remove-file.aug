# fixture: rhel
# removing a whole ifcfg tree deletes the file on save
rm /files/etc/sysconfig/network-scripts/ifcfg-eth5
rm /files/etc/sysconfig/network-scripts/*[DEVICE = 'eth4']
save
count /files/etc/sysconfig/network-scripts/*
