# defnode creating a node through a predicate; creation under several nodes
defnode h /files/etc/hosts/1/alias[. = 'lo'] lo
match $h
print /augeas/variables
defnode bad /files/etc/hosts/*/newthing x
