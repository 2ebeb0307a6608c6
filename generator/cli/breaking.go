package cli

import "fmt"

// breaking is filled in by the breaking-change checker.
func (e *env) breaking(args []string) int {
	fmt.Fprintln(e.stderr, "scopegen breaking: not implemented yet")
	return ExitUsage
}
