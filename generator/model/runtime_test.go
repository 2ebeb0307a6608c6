package model_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/model"
)

// kinds is each step's kind and whether the flow tests its list.
func kinds(steps []model.Step) []string {
	var out []string
	for _, s := range steps {
		k := string(s.Kind)
		if s.Tested {
			k += "?"
		}
		out = append(out, k)
	}
	return out
}

// The flow each host of the root manifest takes, in FlowOrder: the OS
// layer first where the host consults one, authorize next where the host's
// authorize settles a recorded answer itself (its answersRecorded), getSetting before any other mechanism past
// getAuthCode, and the last granting step untested.
func TestRuntimeStepsOfTheRootManifest(t *testing.T) {
	m := buildRoot(t)
	want := map[string][]string{
		"alipay":    {"authCode?", "setting", "onUse"},
		"baidu":     {"direct"},
		"bytedance": {"direct"},
		// No source says their authorize settles a recorded answer.
		"harmony":     {"setting", "authorize"},
		"kuaishou":    {"direct"},
		"xiaohongshu": {"setting", "authorize"},
		"wechat":      {"none?", "system", "direct?", "setting", "settingsOnly?", "button"},
		"web":         {"setting", "onUse"},
	}
	for _, p := range m.Platforms {
		r := m.RuntimeOf(p)
		assert.Equal(t, want[p.ID], kinds(r.Steps), p.ID)
		for _, s := range r.Steps {
			switch s.Kind {
			case model.StepSetting, model.StepSystem:
			case model.StepDirect:
				assert.Equal(t, model.DirectList, s.List, p.ID)
				assert.NotEmpty(t, s.Scopes, p.ID)
			default:
				assert.Equal(t, model.Grant(s.Kind).Runtime(), s.List, "%s %s: the list is the mechanism's runtime name", p.ID, s.Kind)
				assert.NotEmpty(t, s.Scopes, "%s %s", p.ID, s.Kind)
			}
		}
	}
	// HarmonyOS and Xiaohongshu grant through authorize after getSetting.
	assert.Equal(t, []string{"none?", "authCode?", "system", "direct?", "setting", "settingsOnly?", "button?", "onUse?", "authorize"}, kinds(m.UniversalSteps()))
}

// Without the host fact, authorize stays the last step, after getSetting:
// the flow must not trust an authorize no source says settles a recorded
// answer without prompting.
func TestRuntimeStepsWithoutTheAuthorizeFact(t *testing.T) {
	m := buildRoot(t)
	for _, p := range m.Platforms {
		if !p.AnswersRecorded {
			continue
		}
		p.AnswersRecorded = false
		got := kinds(m.RuntimeOf(p).Steps)
		assert.NotContains(t, got, "direct", p.ID)
		assert.Contains(t, got, "setting", p.ID)
		assert.Equal(t, "authorize", got[len(got)-1], p.ID)
	}
	assert.Equal(t, []string{"none?", "authCode?", "system", "setting", "settingsOnly?", "button?", "onUse?", "authorize"}, kinds(m.UniversalSteps()))
}

// The OS layer's table: WeChat's APIs and, per scope, [switch, service];
// a host whose docs give no OS layer consults nothing.
func TestRuntimeSystemLayer(t *testing.T) {
	m := buildRoot(t)
	for _, p := range m.Platforms {
		r := m.RuntimeOf(p)
		if p.ID != "wechat" {
			assert.Nil(t, r.System, p.ID)
			assert.Empty(t, r.SystemNeeds, p.ID)
			assert.False(t, r.Takes(model.StepSystem), p.ID)
			continue
		}
		require.NotNil(t, r.System)
		assert.Equal(t, model.SystemLayer{Switches: "getAppAuthorizeSetting", Services: "getSystemSetting", Open: "openAppAuthorizeSetting", Note: r.System.Note}, *r.System)
		assert.Equal(t, []string{"locationAuthorized", "locationEnabled"}, r.SystemNeeds["scope.userLocation"])
		assert.Equal(t, []string{"microphoneAuthorized", ""}, r.SystemNeeds["scope.record"])
		assert.Equal(t, []string{"bluetoothAuthorized", "bluetoothEnabled"}, r.SystemNeeds["scope.bluetooth"])
		assert.NotContains(t, r.SystemNeeds, "scope.userInfo", "a scope no OS permission guards")
	}
}

// A host's runtime holds the names that differ and only those: natives
// only where a call takes them, their way back only for getAuthCode, keys
// that differ ("" for none), probes; the gate's lists only where the guide
// can be shown; the browser's wiring only on a browser.
func TestRuntimeOfAHost(t *testing.T) {
	m := buildRoot(t)
	byID := map[string]*model.Runtime{}
	for _, p := range m.Platforms {
		byID[p.ID] = m.RuntimeOf(p)
	}
	alipay, wechat, web, bytedance := byID["alipay"], byID["wechat"], byID["web"], byID["bytedance"]
	assert.Equal(t, map[string]string{"scope.userInfo": "auth_user"}, alipay.Natives)
	assert.Equal(t, map[string]string{"auth_user": "scope.userInfo"}, alipay.UniversalNames)
	assert.Equal(t, "", alipay.SettingKeys["auth_base"], "a scope the host reports no key for")
	assert.Equal(t, "location", alipay.SettingKeys["scope.userLocation"])
	assert.True(t, alipay.Keyless())
	assert.Equal(t, map[string]string{"scope.userLocation": "getLocation"}, alipay.Probes)
	assert.False(t, alipay.EveryOnUseProbed())
	assert.Empty(t, alipay.Gated, "Alipay's gate covers no scope")

	assert.Empty(t, wechat.Natives)
	assert.Empty(t, wechat.SettingKeys)
	assert.Contains(t, wechat.Gated, "scope.userLocation")
	assert.Contains(t, wechat.Ungated, "scope.userInfo")
	assert.False(t, wechat.GatesFewer(), "WeChat gates most of its scopes: the runtime lists the others")
	assert.Equal(t, []string{"getPrivacySetting", "requirePrivacyAuthorize", "onNeedPrivacyAuthorization"}, wechat.PrivacyAPIs)
	assert.True(t, wechat.ClassifiesByCode())
	assert.Nil(t, wechat.Browser)

	assert.True(t, bytedance.KeysAreNatives(), "ByteDance's differing keys are its native names")
	assert.True(t, bytedance.ClassifiesPrivacy())
	assert.False(t, bytedance.ClassifiesByCode())

	require.NotNil(t, web.Browser)
	assert.Equal(t, []string{"camera", "geolocation", "microphone"}, web.Browser.Permissions)
	assert.Equal(t, model.BrowserLacks, web.Browser.Lacks)
	assert.True(t, web.EveryKeyDiffers())
	assert.Empty(t, web.PrivacyAPIs)
	assert.Contains(t, web.Others, "scope.userInfo")
	assert.NotContains(t, web.Others, "scope.camera")
}

// The methods the universal entry detects each host by: those the runtime
// calls on it (getSetting and openSetting always; authorize, getAuthCode,
// probes, the privacy and OS-layer APIs where the host's flow or gate uses
// them), sorted, once each; none for the browser, which its driver detects.
func TestHostMethodsOfTheRootManifest(t *testing.T) {
	m := buildRoot(t)
	want := map[string][]string{
		"alipay":  {"getAuthCode", "getLocation", "getPrivacySetting", "getSetting", "onNeedPrivacyAuthorization", "openSetting", "requirePrivacyAuthorize"},
		"baidu":   {"authorize", "getSetting", "openSetting"},
		"harmony": {"authorize", "getPrivacySetting", "getSetting", "openSetting"},
		"wechat":  {"authorize", "getAppAuthorizeSetting", "getPrivacySetting", "getSetting", "getSystemSetting", "onNeedPrivacyAuthorization", "openAppAuthorizeSetting", "openSetting", "requirePrivacyAuthorize"},
		"web":     nil,
	}
	for _, p := range m.Platforms {
		got := m.RuntimeOf(p).HostMethods()
		if w, ok := want[p.ID]; ok {
			assert.Equal(t, w, got, p.ID)
		}
		if !p.IsBrowser() {
			assert.Contains(t, got, "getSetting", p.ID)
			assert.IsIncreasing(t, got, p.ID)
		}
	}
}
