module Test_other =
  test Other.lns get "a\nb\n" = { "a" } { "b" }
  test Other.lns get "c\n" = { "c" }
