# augtool's tokeniser: quotes, escapes, brackets kept verbatim
set /files/etc/hosts/1/alias "two words"
set /files/etc/hosts/1/alias[2] 'single quoted'
set /files/etc/hosts/1/alias[3] tab\there
set /files/etc/hosts/1/alias[4] "it\'s"
set /files/etc/hosts/1/alias[5] 'say \"hi\"'
set /files/etc/hosts/1/alias[6] back\\slash
set /files/etc/hosts/1/alias[7] blank\ inside
print /files/etc/hosts/1
match /files/etc/hosts/1/alias[. = 'two words']
get /files/etc/hosts/1/alias[. = "single quoted"]
set /files/etc/hosts/1/alias[8] bad\qescape
set /files/etc/hosts/1/alias[9] "unterminated
