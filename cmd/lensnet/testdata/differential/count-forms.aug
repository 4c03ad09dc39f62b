# count: none, one, many, a path error
count /files/etc/hosts/*
count /files/etc/hosts/*[alias]
count /files/etc/hosts/1
count /files/etc/hosts/*[alias = 'nope']
count /files/etc/hosts/*[
count //alias
