# options: -A -t 'Modprobe incl /etc/modprobe.d/*.conf' -t 'Hosts incl /etc/hosts'
# a new file's node without children (touched, or emptied again before
# or after a save) is saved as an empty file; a touched node no
# transform claims is no file
touch /files/etc/modprobe.d/new.conf
save
set /files/etc/modprobe.d/two.conf/alias a
set /files/etc/modprobe.d/two.conf/alias/modulename b
rm /files/etc/modprobe.d/two.conf/alias
save
set /files/etc/modprobe.d/three.conf/alias a
set /files/etc/modprobe.d/three.conf/alias/modulename b
rm /files/etc/modprobe.d/three.conf/*
touch /files/etc/modprobe.d/four.conf
rm /files/etc/modprobe.d/four.conf
touch /files/etc/hosts.new
save
save
match /files/etc/modprobe.d/*
match /augeas/files/etc/modprobe.d/*/*[label() != "mtime"]
