// Command bench runs lensnet and augtool side by side on generated
// inputs (see main.go).
package main
