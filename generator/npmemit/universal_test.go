package npmemit

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The universal entry's table of a host holds only the fields the host
// uses, with named fields, in null-prototype objects (only their own keys
// answer), and the methods the runtime calls on it (detection); a scope in no list is the last step's (the last
// step any host takes: model.UniversalSteps).
func TestUniversalTableHoldsOnlyWhatTheHostUses(t *testing.T) {
	for _, tc := range []struct {
		name     string
		supports string // the scopes' mini values, one per scope alpha, beta
		want     []string
		wantNot  []string
	}{
		{"authorize only", `{native: alpha, settingKey: alpha, grant: authorize}|{native: beta, settingKey: beta, grant: authorize}`,
			[]string{"{\n    __proto__: null,\n    platform: \"mini\"", `host: () => mini`, `methods: ["getSetting"]`, `scopes: ["alpha", "beta"]`, `denial: { __proto__: null, text: /deny/u }`},
			[]string{"NO_GRANT:", "natives:", "keys:", "probes:", "ON_USE:", "privacyAPIs:", "cannotTell"}},
		{"none then button (whose native name no call takes)", `{native: alpha, grant: none}|{native: x.beta, settingKey: beta, grant: button}`,
			[]string{`NO_GRANT: ["alpha"]`},
			[]string{"natives:", "authCode:", "ON_USE:", "BUTTON:"}},
		{"a native name for authorize", `{native: x.alpha, settingKey: alpha, grant: authorize}|{native: beta, settingKey: beta, grant: authorize}`,
			[]string{`natives: { __proto__: null, "alpha": "x.alpha" }`},
			[]string{"keys:", "universalNames:"}},
		{"authCode and onUse with a probe", `{native: auth_a, settingKey: "", grant: authCode}|{native: beta, settingKey: b, grant: onUse, probe: getB}`,
			[]string{`AUTH_CODE: ["alpha"]`, `universalNames: { __proto__: null, "auth_a": "alpha" }`, `keys: { __proto__: null, "alpha": "", "beta": "b" }`, `probes: { __proto__: null, "beta": "getB" }`, `methods: ["getSetting"]`},
			[]string{"button:", "ON_USE:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := strings.Split(tc.supports, "|")
			files, err := Emit(build(t, `version: 1
platforms:
  mini: {title: Mini, global: mini, exportCondition: mini, denial: {message: deny}}
scopes:
  alpha: {title: A, description: A., platforms: {mini: `+s[0]+`}}
  beta: {title: B, description: B., platforms: {mini: `+s[1]+`}}
`))
			require.NoError(t, err)
			js := string(files["npm/dist/index.mjs"])
			start := strings.Index(js, "const HOSTS = ")
			require.GreaterOrEqual(t, start, 0)
			js = js[start : start+strings.Index(js[start:], "\n];")]
			for _, w := range tc.want {
				assert.Contains(t, js, w)
			}
			for _, w := range tc.wantNot {
				assert.NotContains(t, js, w)
			}
		})
	}
}
