# ls lists PATH/*: errors show that path
ls /files/etc/hosts/*[(]
ls /files/etc/hosts/*[count(alias,ipaddr)]
ls $undefined
ls /files/etc/hosts/*[. = '1']
