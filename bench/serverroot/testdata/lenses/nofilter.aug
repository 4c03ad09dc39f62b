(* A module without a transform: serverroot passes it by. *)
module Nofilter =
  let lns = [ key /[a-z]+/ ]
