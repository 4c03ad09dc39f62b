# variables holding a string and a number
defvar hosts /files/etc/hosts
defvar name "'nas.example.org'"
match $hosts/*[canonical = $name]
defvar n count($hosts/*[alias])
match $hosts/*[$n]
print /augeas/variables
