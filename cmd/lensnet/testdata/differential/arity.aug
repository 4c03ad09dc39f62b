# too few and too many arguments, unknown commands
get
get /a /b
set /a b c
ins a b
ls
match /a b c
count
print /a /b
save now
load x
errors x
defvar x
rename /x
mv /x
cp /x /y /z
source
preview
transform Hosts incl
frobnicate /files
GET /files/etc/hosts/1/ipaddr
