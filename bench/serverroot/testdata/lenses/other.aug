(* A second lens whose filter overlaps Kv's: /etc/kv.d/*.conf is claimed
   by both, so serverroot writes no file there. *)
module Other =
  autoload xfm

  let lns = [ key /[a-z]+/ . del /\n/ "\n" ]*
  let xfm = transform lns (incl "/etc/kv.d/*" . incl "/etc/other.conf")
