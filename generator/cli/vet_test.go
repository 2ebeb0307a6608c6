package cli_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/cli"
)

const vetManifest = `version: 1
platforms:
  wechat: {title: WeChat, goName: WeChat, global: wx, exportCondition: wechat-miniprogram}
scopes:
  scope.camera:
    title: Camera
    description: The camera.
    platforms:
      wechat: {native: scope.camera, grant: authorize}
`

// TestVetExitCodes pins the exit codes of scopegen vet that vet.txtar
// can only see as success or failure.
func TestVetExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
	}
	write("go.mod", "module example.com/app\n\ngo 1.26\n")
	write("manifest.yaml", vetManifest)
	write("bad.yaml", "version: 1\nscopez: {}\n")
	write("clean/clean.go", "package clean\n\nimport \"example.com/app/generated/scope\"\n\nfunc IsCamera(s scope.Scope) bool { return s == scope.Camera }\n")
	write("dirty/dirty.go", "package dirty\n\nimport \"example.com/app/generated/scope\"\n\nfunc IsCamera(s scope.Scope) bool { return s.String() == \"scope.camera\" }\n")
	t.Chdir(dir)
	require.Equal(t, cli.ExitOK, cli.Main([]string{"generate"}, io.Discard, io.Discard))
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"clean package", []string{"vet", "./clean"}, cli.ExitOK},
		{"finding", []string{"vet", "./dirty"}, cli.ExitFindings},
		{"default is ./...", []string{"vet"}, cli.ExitFindings},
		{"invalid manifest", []string{"vet", "-manifest", "bad.yaml"}, cli.ExitManifest},
		{"unknown error format", []string{"vet", "-error-format", "xml"}, cli.ExitUsage},
		{"no such package", []string{"vet", "./missing"}, cli.ExitInternal},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, cli.Main(tc.args, io.Discard, io.Discard))
		})
	}
}
