# path syntax and evaluation errors with the offset marker
match /files/etc/hosts[
match /files/etc/hosts/*[alias = 'x
match /files/etc/hosts/*[count(alias]
match /files/etc/hosts/*[1]]
match /files/etc/hosts/*[alias =]
get /files/etc/hosts/*[(]
set /files/etc/hosts/*[ x
match '/files/etc/hosts/1 )'
match '/files/etc/hosts/*[alias ! x]'
match /files/etc/hosts/*[]
match /files/etc/hosts/*[last(]
