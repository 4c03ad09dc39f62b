module Test_kv =
  let two = "a=1\n" . "b=2\n"
  let lns = Kv.lns

  test Kv.lns get "x=1\n" = { "x" = "1" }

  (* a name bound to the lens, and a concatenation *)
  test lns get two = ?

  (* expects an error: not a sample *)
  test Kv.lns get "BAD\n" = *

  (* another lens of the module: not a sample *)
  test Kv.entry get "y=2\n" = { "y" = "2" }

  (* a put test: not a sample *)
  test Kv.lns put "x=1\n" after set "x" "2" = "x=2\n"

  (* a test that fails: the lens does not read its text *)
  test Kv.lns get "Q=1\n" = { "Q" = "1" }

  test Kv.lns get "#c\nz=3\n" = ?

  (* a repeat *)
  test Kv.lns get "x=1\n" = ?
