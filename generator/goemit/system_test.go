package goemit_test

import (
	"fmt"
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/goemit"
)

// system.go exists only for a host with an OS layer, and its OSSwitch and
// DeviceService answer, per scope, exactly the model's switch and service.
func TestSystemFileFollowsTheModel(t *testing.T) {
	data, err := os.ReadFile("../../manifest.yaml")
	require.NoError(t, err)
	m := resolve(t, data, "example.com/x/gen")
	files, err := goemit.Emit(m)
	require.NoError(t, err)
	cases := regexp.MustCompile(`case scope\.(\w+):\s+return "(\w+)",\s*true`)
	for _, p := range m.Platforms {
		src, ok := files["platform/"+p.ID+"/system.go"]
		require.Equal(t, p.System != nil, ok, p.ID)
		if !ok {
			continue
		}
		text := string(src)
		split := regexp.MustCompile(`func DeviceService`).FindStringIndex(text)
		require.NotNil(t, split)
		got := map[string][]string{}
		for i, part := range []string{text[:split[0]], text[split[0]:]} {
			for _, c := range cases.FindAllStringSubmatch(part, -1) {
				got[c[1]] = append(got[c[1]], fmt.Sprint(i, c[2]))
			}
		}
		want := map[string][]string{}
		for _, sup := range p.Scopes {
			if sup.System.Switch != "" {
				want[sup.Scope.GoName] = append(want[sup.Scope.GoName], fmt.Sprint(0, sup.System.Switch))
			}
			if sup.System.Service != "" {
				want[sup.Scope.GoName] = append(want[sup.Scope.GoName], fmt.Sprint(1, sup.System.Service))
			}
		}
		assert.NotEmpty(t, want, p.ID)
		assert.Equal(t, want, got, p.ID)
	}
}
