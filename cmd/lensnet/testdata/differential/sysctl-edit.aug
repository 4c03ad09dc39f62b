# sysctl: change, add, remove a key and comment one out
set /files/etc/sysctl.conf/net.ipv4.ip_forward 0
set /files/etc/sysctl.conf/vm.swappiness 10
rm /files/etc/sysctl.conf/kernel.sysrq
ins #comment before /files/etc/sysctl.conf/fs.inotify.max_user_watches
set /files/etc/sysctl.conf/#comment[. = ''] "raised for syncthing"
set /files/etc/sysctl.conf/#comment[last()+1] end
save
match /files/etc/sysctl.conf/#comment
