# store parses a node's value with a lens into a tree; retrieve writes a tree back as text
set /text/in "10.0.0.1 host1 h1\n"
store Hosts.lns /text/in /parsed
print /parsed
set /parsed/1/alias[last()+1] h2
retrieve Hosts.lns /text/in /parsed /text/out
print /text/out
retrieve Hosts.lns /text/in /nothing /text/empty
print /text/empty
match /augeas/text//*
store Nope.lns /text/in /x
store Hosts.lns /text/nothing /y
retrieve Hosts.lns /text/none /parsed /text/out2
