(*
Module: Shellvars
  Files made of shell variable assignments: /etc/sysconfig/* (with the
  network-scripts ifcfg-* files), /etc/default/*, /etc/profile.d/*,
  os-release, rc.conf and the like. Besides assignments, the lens
  understands the shell that such files commonly contain: unset/export,
  sourcing other files, a few builtins, [ ] tests, simple commands with
  pipes and && / ||, if/case/loops, functions and { } groups.

  This is lensnet's own implementation, written from scratch for lensnet.
  It is compatible with the Shellvars module of Augeas 1.14: it claims the
  same files, builds the same tree, writes the same text after the same
  edits and exports the same names (Sysconfig and Pbuilder use them).

About: License
  Part of lensnet.

About: The tree
  An assignment becomes a node named after the variable whose value is
  the right-hand side exactly as written (quotes kept):
  > NAME='System eth0'            { "NAME" = "'System eth0'" }
  > export MTU=9000 # jumbo       { "MTU" = "9000" { "export" }
  >                                   { "#comment" = "jumbo" } }
  > ADDRS=(a "b c")               { "ADDRS" { "1" = "a" } { "2" = "\"b c\"" } }
  Other statements get a label starting with "@" (or ".source"):
  > unset A B                     { "@unset" { "1" = "A" } { "2" = "B" } }
  > . /etc/x.conf                 { ".source" = "/etc/x.conf" }
  > ulimit -c 0                   { "@builtin" = "ulimit" { "args" = "-c 0" } }
  > grep -q x f && X=1            { "@command" = "grep" { "@arg" = "-q x f" }
  >                                   { "@and" { "X" = "1" } } }
  Compound statements (@if, @elif, @else, @for, @while, @until, @select,
  @case, @case_entry, @pattern, @function, @subshell) hold their body as
  children, with the condition, list or name as value.

  Blank lines, and lines holding nothing but a "#", are not kept in the
  tree; they are folded into the end of the statement or comment before
  them. New entries are written as NAME=value followed by a newline, new
  comments as " # text".

About: Configuration files
  See <filter>.
*)
module Shellvars =
  autoload xfm

(************************************************************************
 * Group: Line ends and blank lines
 ************************************************************************)

  (* Variable: void_re
       Whatever a line without content may hold: blanks and one "#" *)
  let void_re = Util.empty_generic_re

  (* Variable: voids_re
       Any number of content-free lines after a line end *)
  let voids_re = (void_re . /\n+/)*

  (* Variable: stop_re
       The end of a statement proper: a ";" or a newline *)
  let stop_re = /[ \t]*[;\n]/

  (* View: del_empty
       A content-free line at the top of the file *)
  let del_empty = del (void_re . "\n") "\n"

  (* View: semicol_eol
       End of a statement, swallowing the blank lines after it *)
  let semicol_eol = del (stop_re . voids_re) "\n"

  (* View: eol
       Like <semicol_eol>, but blanks alone also end a statement (as after
       "then" or "do" on a one-line if or loop) *)
  let eol = del ((/[ \t]+/ | stop_re) . voids_re) "\n"

  (* View: brace_eol
       Space around the braces of a function body or a { } group *)
  let brace_eol = del /[ \t\n]+/ "\n"

(************************************************************************
 * Group: Comments
 ************************************************************************)

  (* View: comment_end
       A comment's newline and the blank lines that follow it *)
  let comment_end = del /[ \t]*\n([ \t]*(#[ \t]*)?\n)*/ "\n"

  (* View: comment
       A comment on a line of its own *)
  let comment = Util.comment_generic_seteol /[ \t]*#[ \t]*/ " # " comment_end

  (* View: comment_eol
       A comment after a statement; the shell needs a blank before "#" *)
  let comment_eol = Util.comment_generic_seteol /[ \t]+#[ \t]*/ " # " comment_end

  (* View: comment_or_eol
       What ends a simple statement *)
  let comment_or_eol = comment_eol | semicol_eol

(************************************************************************
 * Group: Words
 *
 * A word is what the shell would see as one argument: runs of unquoted
 * characters, quoted strings and $( ) / $(( )) substitutions, or a whole
 * backquoted command.
 ************************************************************************)

  (* Variable: plain_re
       One unquoted character ("#" is allowed inside a word, just not at
       its start), or a backslash escape *)
  let plain_re = /[^`;()'"&|\n\\# \t]#*/ | /\\\\./

  (* Variable: dq_re
       A double-quoted string; it may span lines *)
  let dq_re = /"([^"\\]|\\\\(.|\n))*"/

  (* Variable: sq_re
       A single-quoted string; it may span lines *)
  let sq_re = /'[^']*'/

  (* Variable: bq_re
       A backquoted command on one line *)
  let bq_re = /`[^`\n]+`/

  (* Variable: dbq_re
       A doubly backquoted word without blanks or ";" *)
  let dbq_re = /``[^` \t\n;]+``/

  (* Variable: subst_re
       A $( ) command substitution, without nesting (nor backslashes:
       in a bracket expression a backslash stands for itself) *)
  let subst_re = /\$\([^\(\)#\n]*\)/

  (* Variable: arith_re
       A $(( )) arithmetic expansion *)
  let arith_re = /\$\(\([^\)#\n]*\)\)/

  (* Variable: word_re *)
  let word_re = (plain_re | dq_re | sq_re | subst_re | arith_re)+
              | bq_re | dbq_re

  (* Variable: words_re
       Words separated by blanks or line continuations *)
  let words_re = word_re . (Rx.cl_or_space . word_re)*

  (* View: words
       Store the rest of a simple statement *)
  let words = store words_re

(************************************************************************
 * Group: Assignments
 ************************************************************************)

  (* Variable: key_re
       A variable name, possibly subscripted *)
  let key_re = /[A-Za-z0-9_][-A-Za-z0-9_]*(\[[0-9A-Za-z_,]+\])?/
             - /unset|export/

  (* Variable: matching_re
       ${!prefix*} and ${!prefix@}: all variables with a prefix *)
  let matching_re = "${!" . key_re . /[\*@]\}/

  (* View: export
       The "export" before an assignment, kept as a flag child *)
  let export = [ key "export" . Util.del_ws_spc ]

  (* View: scalar
       A right-hand side kept as written; () counts as a scalar too *)
  let scalar = store (word_re | /\([ \t]*\)/)?

  (* View: array
       ( w1 w2 ... ) with at least one word; elements are numbered from 1
       and each one owns the blanks before it *)
  let array =
    let elem (lead:lens) = [ lead . seq "shellvars_array" . store word_re ] in
    del /\([ \t]*/ "("
    . counter "shellvars_array"
    . elem (Util.del_str "")
    . (elem (del /[ \t\n]+/ " "))*
    . del /[ \t]*\)/ ")"

  (* View: kv
       NAME=value, the contents of an assignment node *)
  let kv = Util.indent . export? . key key_re . Sep.equal . (scalar | array)

(************************************************************************
 * Group: Other simple statements
 ************************************************************************)

  (* View: var_action
       A builtin VERB followed by variable names, e.g. unset or a bare
       export; the node is "@VERB" and the names are numbered children *)
  let var_action (verb:string) =
    let name = [ seq verb . store (key_re | matching_re) ] in
    label ("@" . verb)
    . Util.indent . Util.del_str verb . Util.del_ws_spc
    . counter verb . Build.opt_list name Util.del_ws_spc

  (* View: unset *)
  let unset = var_action "unset"

  (* View: bare_export *)
  let bare_export = var_action "export"

  (* View: source
       ". FILE" or "source FILE"; written back as ". FILE" when new *)
  let source =
    label ".source"
    . Util.indent . del /\.|source/ "." . Util.del_ws_spc
    . store /[^;=# \t\n]+/

  (* Variable: builtin_re
       Builtins mapped to "@builtin" *)
  let builtin_re = /ulimit|shift|exit/

  (* View: builtin *)
  let builtin =
    label "@builtin" . Util.indent . store builtin_re
    . (Sep.cl_or_space . [ label "args" . words ])?

  (* View: return *)
  let return =
    label "@return" . Util.indent . Util.del_str "return"
    . (Util.del_ws_spc . store Rx.integer)?

  (* View: eval *)
  let eval =
    label "@eval" . Util.indent . Util.del_str "eval" . Util.del_ws_spc
    . store word_re

  (* View: alias *)
  let alias =
    label "@alias" . Util.indent . Util.del_str "alias" . Util.del_ws_spc
    . store key_re . Sep.equal . [ label "value" . store word_re ]

  (* View: action
       OP followed by BODY, as a child "@NAME"; blanks or a line break may
       surround the operator *)
  let action (op:string) (name:string) (body:lens) =
    let around = Rx.cl_or_opt_space | /[ \t\n]+/ in
    [ label ("@" . name) . del (around . op . around) (" " . op . " ") . body ]

  (* View: action_pipe *)
  let action_pipe = action "|" "pipe"

  (* View: action_and *)
  let action_and = action "&&" "and"

  (* View: action_or *)
  let action_or = action "||" "or"

  (* View: chained_words
       Further tests chained with && or ||, as in
       "if [ -f a ] && [ -f b ]; then" *)
  let chained_words = (action_and words | action_or words)*

  (* View: condition
       A test command "[ ... ]" or "[[ ... ]]" standing on its own *)
  let condition =
    let brackets (open:string) (close:string) =
      [ label "type" . store open ] . Util.del_ws_spc
      . words . Util.del_ws_spc . Util.del_str close
      . chained_words in
    label "@condition" . Util.indent
    . (brackets "[" "]" | brackets "[[" "]]")

  (* View: terminated
       A statement node ending with its line end or trailing comment *)
  let terminated (stmt:lens) = [ stmt . comment_or_eol ]

  (* View: unterminated
       A statement node that something else ends (";;", a pipe, ...) *)
  let unterminated (stmt:lens) = [ stmt ]

  (* View: simple
       Every simple statement but a command, each made a node by NODE
       (<terminated> or <unterminated>) *)
  let simple (node:lens -> lens) =
      node source | node kv | node unset | node bare_export | node builtin
    | node return | node condition | node eval | node alias

(************************************************************************
 * Group: Commands
 ************************************************************************)

  (* Variable: command_re
       A command name, or a variable holding one *)
  let command_re = /\$?[-A-Za-z0-9_.\/]+/

  (* Variable: reserved_re
       Words that never name a "@command" *)
  let reserved_re =
      /exit|shift|return|ulimit|unset|export|source|\.|eval|alias/
    | /if|then|else|fi|for|select|while|until|done|case/

  (* View: env_assign
       VAR=value given to one command only *)
  let env_assign =
    [ key key_re . Sep.equal . store word_re . Sep.cl_or_space ]

  (* View: command
       NAME ARGS, with an optional pipe to, or && / || followed by,
       another statement *)
  let rec command =
    let next = simple terminated | terminated command
             | simple unterminated | unterminated command in
    let piped = terminated command | unterminated command in
    label "@command" . Util.indent
    . env_assign* . store (command_re - reserved_re)
    . [ label "@arg" . Sep.cl_or_space . words ]?
    . (action_pipe piped | action_and next | action_or next)?

  (* View: entry_eol
       Any simple statement with its line end *)
  let entry_eol = simple terminated | terminated command

  (* View: entry_noeol
       Any simple statement, without line end *)
  let entry_noeol = simple unterminated | unterminated command

(************************************************************************
 * Group: Compound statements
 *
 * Each takes the lens for the statements of its body, which is the full
 * statement lens: bodies nest.
 ************************************************************************)

  (* View: reserved
       A reserved word, after optional indentation *)
  let reserved (word:string) = Util.indent . Util.del_str word

  (* View: guard
       "KW test [&& test]... ; OPENER", the start of an if, elif or loop;
       the first test is the value of the node *)
  let guard (kw:string) (opener:string) =
    reserved kw . Sep.space . words . chained_words . semicol_eol
    . reserved opener . eol

  (* View: if_block
       if/then, any elif, an optional else, fi *)
  let if_block (body:lens) =
    let elif = [ label "@elif" . guard "elif" "then" . body+ ] in
    let else = [ label "@else" . reserved "else" . eol . body+ ] in
    [ label "@if" . guard "if" "then" . body+ . elif* . else?
      . reserved "fi" . comment_or_eol ]

  (* View: loop
       for, while, until or select, with a do ... done body *)
  let loop (kw:string) (body:lens) =
    [ label ("@" . kw) . guard kw "do" . body+
      . reserved "done" . comment_or_eol ]

  (* View: case_block
       case WORD in, branches "pattern|pattern) ... ;;", esac; the last
       statement of a branch may end on the ";;" itself *)
  let case_block (body:lens) (last:lens) =
    let pattern = [ label "@pattern" . words . Sep.opt_space ] in
    let branch =
      [ label "@case_entry" . Util.indent
        . pattern . (Util.del_str "|" . Sep.opt_space . pattern)*
        . Util.del_str ")" . eol
        . body* . last?
        . reserved ";;" . eol ] in
    let subject = plain_re+ | "\"" . plain_re+ . "\"" in
    [ label "@case" . reserved "case" . Sep.space . store subject
      . del /[ \t\n]+/ " " . Util.del_str "in" . eol
      . (comment* . branch)* . comment*
      . reserved "esac" . comment_or_eol ]

  (* View: fn_block
       "[function] NAME() OPEN ... CLOSE", with { } or ( ) around the body;
       a comment may follow the parentheses *)
  let fn_block (open:string) (close:string) (body:lens) =
    [ label "@function" . Util.indent
      . del /(function[ \t]+)?/ "" . store Rx.word . del /[ \t]*\(\)/ "()"
      . (comment_eol | brace_eol) . Util.del_str open . brace_eol
      . body+ . reserved close . eol ]

  (* View: group_block
       { ... } *)
  let group_block (body:lens) =
    [ label "@subshell" . Util.indent . Util.del_str "{" . brace_eol
      . body+ . reserved "}" . eol ]

  (* View: compound
       Any compound statement *)
  let rec compound =
    let stmt = comment | entry_eol | compound in
      if_block stmt
    | loop "for" stmt | loop "select" stmt
    | loop "while" stmt | loop "until" stmt
    | case_block stmt entry_noeol
    | fn_block "{" "}" stmt | fn_block "(" ")" stmt
    | group_block stmt

(************************************************************************
 * Group: The lens
 ************************************************************************)

  (* View: lns_norec
       Only comments and simple statements *)
  let lns_norec = del_empty* . (comment | entry_eol)*

  (* View: lns *)
  let lns = del_empty* . (comment | entry_eol | compound)*

(************************************************************************
 * Group: Augeas compatibility names
 *
 * The other top-level names of Augeas's Shellvars, for modules that build
 * on it.
 ************************************************************************)

  let empty = Util.empty
  let empty_part_re = void_re . /\n+/
  let eq = Sep.equal
  let eol_for_comment = comment_end
  let xchgs = Build.xchgs
  let semicol = del /;?/ ""

  let char = plain_re
  let dquot = dq_re
  let squot = sq_re
  let bquot = bq_re
  let dbquot = dbq_re
  let dollar_assign = subst_re
  let dollar_arithm = arith_re
  let anyquot = word_re
  let sto_to_semicol = words
  let simple_value = scalar
  let shell_builtin_cmds = builtin_re

  let keyword (kw:string) = reserved kw
  let keyword_label (kw:string) (lbl:string) = reserved kw . label lbl

  let entry_eol_item (item:lens) = terminated item
  let entry_item (item:lens) = unterminated item
  let entry_eol_nocommand = simple terminated
  let entry_noeol_nocommand = simple unterminated

  let generic_cond_start (start_kw:string) (lbl:string)
                         (then_kw:string) (contents:lens) =
    label lbl . guard start_kw then_kw . contents
  let generic_cond (start_kw:string) (lbl:string)
                   (then_kw:string) (contents:lens) (end_kw:string) =
    [ generic_cond_start start_kw lbl then_kw contents
      . reserved end_kw . comment_or_eol ]
  let cond_if (entry:lens) = if_block entry
  let loop_for (entry:lens) = loop "for" entry
  let loop_while (entry:lens) = loop "while" entry
  let loop_until (entry:lens) = loop "until" entry
  let loop_select (entry:lens) = loop "select" entry
  let case (entry:lens) (entry_noeol:lens) = case_block entry entry_noeol
  let subshell (entry:lens) = group_block entry
  let function (entry:lens) (start_kw:string) (end_kw:string) =
    fn_block start_kw end_kw entry
  let rec_entry = compound

(************************************************************************
 * Group: Files
 ************************************************************************)

  (* View: sysconfig
       Under /etc/sysconfig: everything but the files listed in <sc_excl>,
       with some subdirectories opted back in *)
  let sc_incl (n:string) = incl ("/etc/sysconfig/" . n)
  let sc_excl (n:string) = excl ("/etc/sysconfig/" . n)

  (* View: filter_sysconfig
       The globs come in the order of Augeas's module of the same name:
       it decides the order of /augeas/load and so of the files in /files *)
  let filter_sysconfig =
    (* everything, less the files that are not shell *)
      sc_incl "*"
    . sc_excl "anaconda" . sc_excl "bootloader" . sc_excl "hw-uuid"
    . sc_excl "hwconf" . sc_excl "ip*tables" . sc_excl "ip*tables.save"
    . sc_excl "kernel" . sc_excl "*.pub" . sc_excl "sysstat.ioconf"
    . sc_excl "system-config-firewall"
    . sc_excl "system-config-securitylevel"
    (* SUSE network configuration *)
    . sc_incl "network/config" . sc_incl "network/dhcp"
    . sc_incl "network/dhcp6r" . sc_incl "network/dhcp6s"
    . sc_incl "network/ifcfg-*" . sc_incl "network/if-down.d/*"
    . sc_incl "network/ifroute-*" . sc_incl "network/if-up.d/*"
    . sc_excl "network/if-up.d/SuSEfirewall2"
    . sc_incl "network/providers/*"
    (* Red Hat network configuration: only the ifcfg files *)
    . sc_excl "network-scripts" . sc_incl "network-scripts/ifcfg-*"
    (* RHN *)
    . sc_excl "rhn" . sc_incl "rhn/allowed-actions/*"
    . sc_excl "rhn/allowed-actions/script"
    . sc_incl "rhn/allowed-actions/script/*"
    . sc_incl "rhn/rhnsd"
    (* SUSE firewall *)
    . sc_excl "SuSEfirewall2.d" . sc_incl "SuSEfirewall2.d/cobbler"
    . sc_incl "SuSEfirewall2.d/services/*"
    . sc_excl "SuSEfirewall2.d/services/TEMPLATE"
    (* systemd's copies *)
    . sc_excl "*.systemd"

  (* View: filter_default
       /etc/default and the login profile scripts *)
  let filter_default =
      incl "/etc/default/*"
    . excl "/etc/default/grub_installdevice*" . excl "/etc/default/rmt"
    . excl "/etc/default/star" . excl "/etc/default/whoopsie"
    . incl "/etc/profile" . incl "/etc/profile.d/*"
    . excl "/etc/profile.d/*.csh" . excl "/etc/profile.d/*.tcsh"
    . excl "/etc/profile.d/csh.local"

  (* View: filter_misc
       Single files and directories elsewhere, in Augeas's order *)
  let filter_misc =
      incl "/etc/arno-iptables-firewall/debconf.cfg" . incl "/etc/conf.d/*"
    . incl "/etc/cron-apt/config" . incl "/etc/environment"
    . incl "/etc/firewalld/firewalld.conf" . incl "/etc/blkid.conf"
    . incl "/etc/adduser.conf" . incl "/etc/cowpoke.conf"
    . incl "/etc/cvs-cron.conf" . incl "/etc/cvs-pserver.conf"
    . incl "/etc/devscripts.conf" . incl "/etc/kamailio/kamctlrc"
    . incl "/etc/lbu/lbu.conf" . incl "/etc/lintianrc"
    . incl "/etc/lsb-release" . incl "/etc/os-release"
    . incl "/etc/periodic.conf" . incl "/etc/popularity-contest.conf"
    . incl "/etc/rc.conf" . incl "/etc/rc.conf.d/*" . incl "/etc/rc.conf.local"
    . incl "/etc/selinux/config" . incl "/etc/ucf.conf"
    . incl "/etc/locale.conf" . incl "/etc/vconsole.conf"
    . incl "/etc/byobu/*"

  (* View: filter
       Joined from names, the parts keep their own order in /augeas/load:
       sysconfig, default, misc, then the standard exclusions *)
  let filter = filter_sysconfig . filter_default . filter_misc . Util.stdexcl

  let xfm = transform lns filter
