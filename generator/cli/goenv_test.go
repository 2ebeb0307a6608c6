package cli_test

import (
	"os/exec"
	"strings"
	"sync"

	"github.com/rogpeppe/go-internal/testscript"
)

// goEnvVars are the go command's caches, as the test's own go command sees
// them: scripts that run go (scopegen vet loads packages) reuse them instead
// of building the standard library again, and never reach the network.
var goEnvVars = sync.OnceValues(func() ([]string, error) {
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOPATH").Output()
	if err != nil {
		return nil, err
	}
	values := strings.Split(strings.TrimSpace(string(out)), "\n")
	return []string{"GOCACHE=" + values[0], "GOMODCACHE=" + values[1], "GOPATH=" + values[2], "GOPROXY=off", "GOTOOLCHAIN=local", "GOFLAGS=-buildvcs=false"}, nil
})

func goEnv(env *testscript.Env) error {
	vars, err := goEnvVars()
	env.Vars = append(env.Vars, vars...)
	return err
}
