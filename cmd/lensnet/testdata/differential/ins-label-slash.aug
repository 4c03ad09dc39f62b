# ins with a label holding "/" (escaped or not) inserts nothing and says
# nothing, whatever the path selects; a bad path is still reported; the
# save that follows writes the other edit
ins x\/y after /files/etc/sysctl.conf/*[1]
ins a/b before /files/etc/sysctl.conf/*[1]
ins "c/d" before /files/etc/sysctl.conf/*[1]
ins x\/y after /files/etc/nosuch
ins x\/y after /files/etc/sysctl.conf/*
ins a/b after /files/[
match /files/etc/sysctl.conf/*[position()<3]
set /files/etc/sysctl.conf/kernel.sysrq 1
save
print /augeas//error
