package main

import (
	"fmt"
	"io"
	"strings"
)

// cmdHelp documents one augtool command for help and `lensnet help`.
type cmdHelp struct {
	name     string
	group    string
	summary  string
	synopsis string
	text     string   // what it does
	args     []string // "<ARG>  meaning" lines
}

var groups = []string{"Admin", "Informational", "Read", "Write", "Path expression"}

var helps = []cmdHelp{
	{"context", "Admin", "show or set the node relative paths start from", "context [<PATH>]",
		"Without PATH, print the context: the node relative paths start from (/augeas/context, /files at start). With PATH, make that node the context.",
		[]string{"<PATH>  the new context"}},
	{"load", "Admin", "read the files again into /files", "load",
		"Read again every file the transforms under /augeas/load claim, replacing their trees under /files; unsaved changes are lost.", nil},
	{"save", "Admin", "write the files whose trees changed", "save",
		"Write every file whose tree changed, in the mode of /augeas/save (overwrite, backup, newfile or noop), and print how many were saved. Files that did not load are never written.", nil},
	{"transform", "Admin", "make a lens read and write more files", "transform <LENS> <FILTER> <FILE>",
		"Add FILE to the files LENS reads and writes, under /augeas/load/<Module>; run load afterwards to read them.",
		[]string{"<LENS>    a lens, Module.name (Module alone means Module.lns)", "<FILTER>  incl to add the file, excl to leave it out", "<FILE>    a file name or glob, e.g. /etc/hosts or /etc/sysconfig/*"}},
	{"load-file", "Admin", "read one file into /files", "load-file <FILE>",
		"Read FILE with the transform that claims it, replacing what was loaded of it.",
		[]string{"<FILE>  the file, an absolute path under the root"}},
	{"retrieve", "Admin", "write a tree as text with a lens", "retrieve <LENS> <NODE_IN> <PATH> <NODE_OUT>",
		"Write the tree at PATH as text with LENS, keeping the layout of the text in NODE_IN, and store the result in NODE_OUT. Failures are recorded under /augeas/text/<PATH>/error.",
		[]string{"<LENS>      the lens", "<NODE_IN>   the node whose value is the original text", "<PATH>      the tree to write", "<NODE_OUT>  the node that receives the text"}},
	{"store", "Admin", "read a node's text into a tree with a lens", "store <LENS> <NODE> <PATH>",
		"Parse the value of NODE with LENS and put the tree at PATH. Failures are recorded under /augeas/text/<PATH>/error.",
		[]string{"<LENS>  the lens", "<NODE>  the node whose value is parsed", "<PATH>  where the tree goes"}},
	{"quit", "Admin", "stop", "quit", "Stop reading commands.", nil},
	{"errors", "Informational", "list the errors of loading and saving", "errors",
		"Print the errors recorded while loading and saving files, for missing lenses and for store/retrieve.", nil},
	{"info", "Informational", "show version, root, lens path, context, file count", "info",
		"Print the version, the root, the lens search path, the context and the number of loaded files.", nil},
	{"help", "Informational", "list the commands or describe one", "help [<COMMAND>]",
		"List the commands, or describe one.", []string{"<COMMAND>  the command to describe"}},
	{"source", "Informational", "show the file a node comes from", "source <PATH>",
		"Print the /files path of the file the single node PATH comes from.", []string{"<PATH>  a node inside a file's tree"}},
	{"preview", "Informational", "show the text a save would write for a file", "preview <PATH>",
		"Print the text a save would write for the file the single node PATH belongs to; nothing is written.", []string{"<PATH>  a node inside a file's tree"}},
	{"dump-xml", "Read", "show nodes and their subtrees as XML", "dump-xml [<PATH>]",
		"Print the nodes PATH matches (the whole tree without PATH) with their subtrees as XML.", []string{"<PATH>  the nodes to print"}},
	{"get", "Read", "show a node's value", "get <PATH>",
		"Print the value of the single node PATH: PATH = value, PATH (none) for a node without value, PATH (o) when nothing matches.", []string{"<PATH>  the node"}},
	{"label", "Read", "show a node's label", "label <PATH>",
		"Print the label of the single node PATH.", []string{"<PATH>  the node"}},
	{"ls", "Read", "list a node's children", "ls <PATH>",
		"Print the children of the nodes PATH matches as label = value; a trailing / marks a child that has children itself.", []string{"<PATH>  the parent node"}},
	{"match", "Read", "list the nodes a path matches", "match <PATH> [<VALUE>]",
		"Print every node PATH matches with its value; with VALUE, only the paths of the nodes whose value is VALUE.", []string{"<PATH>   the path expression", "<VALUE>  the value to look for"}},
	{"count", "Read", "count the nodes a path matches", "count <PATH>",
		"Print how many nodes PATH matches.", []string{"<PATH>  the path expression"}},
	{"print", "Read", "show nodes and their subtrees", "print [<PATH>]",
		"Print the nodes PATH matches (the whole tree without PATH) and their subtrees, one node per line with its path and quoted value.", []string{"<PATH>  the nodes to print"}},
	{"span", "Read", "show where a node is in its file", "span <PATH>",
		"Print the file and the byte ranges of the label, the value and the whole text of the single node PATH. Spans are recorded only when /augeas/span is enable (--span) when files are loaded.", []string{"<PATH>  the node"}},
	{"clear", "Write", "remove a node's value", "clear <PATH>",
		"Remove the value of the node PATH, creating it when it does not exist.", []string{"<PATH>  the node"}},
	{"clearm", "Write", "remove the value of a sub-node of many nodes", "clearm <BASE> <SUB>",
		"For every node BASE matches, remove the value of SUB relative to it, creating SUB where missing.", []string{"<BASE>  the base nodes", "<SUB>   a path relative to each base node"}},
	{"ins", "Write", "add a node next to another", "ins <LABEL> <WHERE> <PATH>",
		"Add a node LABEL without value just before or after the single node PATH.", []string{"<LABEL>  the new node's label", "<WHERE>  before or after", "<PATH>   the sibling"}},
	{"insert", "Write", "the same as ins", "insert <LABEL> <WHERE> <PATH>", "The same as ins.", nil},
	{"mv", "Write", "move a node and its subtree", "mv <SRC> <DST>",
		"Move the single node SRC with its subtree to DST: an existing DST takes SRC's value and children, otherwise DST is created.", []string{"<SRC>  the node to move", "<DST>  where it goes"}},
	{"move", "Write", "the same as mv", "move <SRC> <DST>", "The same as mv.", nil},
	{"cp", "Write", "copy a node and its subtree", "cp <SRC> <DST>",
		"Copy the single node SRC with its subtree to DST: an existing DST takes copies of SRC's value and children, otherwise DST is created.", []string{"<SRC>  the node to copy", "<DST>  where the copy goes"}},
	{"copy", "Write", "the same as cp", "copy <SRC> <DST>", "The same as cp.", nil},
	{"rename", "Write", "give nodes a new label", "rename <SRC> <LBL>",
		"Give every node SRC matches the label LBL and print how many were renamed.", []string{"<SRC>  the nodes", "<LBL>  the new label (no /)"}},
	{"rm", "Write", "delete nodes with their subtrees", "rm <PATH>",
		"Delete every node PATH matches with its subtree and print how many nodes went.", []string{"<PATH>  the nodes"}},
	{"set", "Write", "give a node a value", "set <PATH> [<VALUE>]",
		"Give the node PATH the value VALUE (none without VALUE), creating it and missing ancestors; PATH must match at most one node.", []string{"<PATH>   the node", "<VALUE>  its new value"}},
	{"setm", "Write", "give a sub-node of many nodes a value", "setm <BASE> <SUB> [<VALUE>]",
		"For every node BASE matches, set SUB relative to it (. is the base node) to VALUE, creating SUB where missing.", []string{"<BASE>   the base nodes", "<SUB>    a path relative to each base node", "<VALUE>  the value"}},
	{"touch", "Write", "create a node if it is missing", "touch <PATH>",
		"Create the node PATH without value when nothing matches it.", []string{"<PATH>  the node"}},
	{"defnode", "Path expression", "name the nodes a path matches, creating one if none", "defnode <NAME> <EXPR> [<VALUE>]",
		"Define $NAME as the nodes EXPR matches; when it matches none, create the node EXPR names (with VALUE) and define $NAME as it.", []string{"<NAME>   the variable", "<EXPR>   a path expression", "<VALUE>  the value of a created node"}},
	{"defvar", "Path expression", "name the nodes a path matches", "defvar <NAME> <EXPR>",
		"Define $NAME as the nodes EXPR matches, for use in later paths.", []string{"<NAME>  the variable", "<EXPR>  a path expression"}},
}

func findHelp(name string) *cmdHelp {
	for i := range helps {
		if helps[i].name == name {
			return &helps[i]
		}
	}
	return nil
}

// printHelp prints the command list, or one command's description.
func printHelp(w io.Writer, name string) bool {
	if name == "" {
		for _, g := range groups {
			fmt.Fprintf(w, "\n%s commands:\n", g)
			for _, c := range helps {
				if c.group == g {
					fmt.Fprintf(w, "  %-10s - %s\n", c.name, c.summary)
				}
			}
		}
		fmt.Fprint(w, "\nType 'help <command>' for more information on a command\n\n")
		return true
	}
	c := findHelp(name)
	if c == nil {
		return false
	}
	fmt.Fprintf(w, "\n  COMMAND\n    %s - %s\n\n  SYNOPSIS\n    %s\n\n  DESCRIPTION\n", c.name, c.summary, c.synopsis)
	for _, l := range wrap(c.text, 70) {
		fmt.Fprintf(w, "    %s\n", l)
	}
	if len(c.args) > 0 {
		fmt.Fprint(w, "\n  OPTIONS\n")
		for _, a := range c.args {
			fmt.Fprintf(w, "     %s\n", a)
		}
	}
	fmt.Fprintln(w)
	return true
}

// wrap breaks text into lines of at most width bytes at blanks.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
