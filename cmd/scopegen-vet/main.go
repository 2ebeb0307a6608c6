// Command scopegen-vet is the scopegen analyzer as a go vet tool:
//
//	go install github.com/scopegen/scopegen/cmd/scopegen-vet
//	go vet -vettool=$(which scopegen-vet) ./...
//
// It reads manifest.yaml beside go.mod, with generated/ as the output folder;
// -scopegen.manifest and -scopegen.go-import-path say otherwise.
package main

import (
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/scopegen/scopegen/generator/vet"
)

func main() { unitchecker.Main(vet.Analyzer) }
