# ls / lists the root's children (augeas, files), not its descendants
ls /
ls /augeas
ls /files/
ls /files/etc/hosts/1/
