package main

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGoVetVettool builds the tool and runs it the way README says, over
// the analyzer's test module: no flags, the manifest is found beside go.mod.
func TestGoVetVettool(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary and runs go vet")
	}
	tool := filepath.Join(t.TempDir(), "scopegen-vet")
	build := exec.Command("go", "build", "-o", tool, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)

	for _, tc := range []struct {
		pkg     string
		finding string // "" for a clean package
	}{
		{"./nameliteral", `a.go:6:19: "scope.userLocation" is the scope scope.UserLocation: compare s with it`},
		{"./switchmissing", `a.go:6:9: switch over scope.Scope misses UserLocation, WritePhotosAlbum and has no default`},
		{"./clean", ""},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			vet := exec.Command("go", "vet", "-vettool="+tool, tc.pkg)
			vet.Dir = "../../generator/vet/testdata"
			vet.Env = append(vet.Environ(), "GOPROXY=off")
			out, err := vet.CombinedOutput()
			if tc.finding == "" {
				assert.NoError(t, err, "%s", out)
				return
			}
			assert.Error(t, err)
			assert.Contains(t, string(out), tc.finding)
		})
	}
}
