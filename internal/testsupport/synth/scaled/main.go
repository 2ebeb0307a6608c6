// Command scaled prints manifest.yaml with its last scope cloned N times
// (synth.Scaled), for scripts/genscale.sh:
//
//	go run ./internal/testsupport/synth/scaled N < manifest.yaml > scaled.yaml
package main

import (
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/scopegen/scopegen/internal/testsupport/synth"
)

func main() {
	n, err := strconv.Atoi(os.Args[len(os.Args)-1])
	if len(os.Args) != 2 || err != nil || n < 0 {
		fmt.Fprintln(os.Stderr, "usage: scaled N < manifest.yaml")
		os.Exit(2)
	}
	manifest, err := io.ReadAll(os.Stdin)
	if err == nil {
		_, err = os.Stdout.Write(synth.Scaled(manifest, n))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
