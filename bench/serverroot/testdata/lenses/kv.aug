(* A small lens for serverroot's tests: key=value lines and comments. *)
module Kv =
  autoload xfm

  let eol = del /\n/ "\n"
  let entry = [ key /[a-z]+/ . del /=/ "=" . store /[^\n]+/ . eol ]
  let comment = [ label "#comment" . del /#/ "#" . store /[^\n]*/ . eol ]
  let lns = (entry | comment)*

  let filter = incl "/etc/kv.conf"
             . incl "/etc/kv.d/*.conf"
             . incl "/etc/kv[0-9]/main"
             . excl "*.bak"
  let xfm = transform lns filter
