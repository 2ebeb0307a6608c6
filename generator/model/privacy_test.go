package model_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/model"
)

func platformByID(t *testing.T, m *model.Model, id string) *model.Platform {
	t.Helper()
	for _, p := range m.Platforms {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("no platform %q", id)
	return nil
}

func TestPrivacyGatesOfTheRootManifest(t *testing.T) {
	m := buildRoot(t)
	tests := []struct {
		id       string
		gated    bool
		apis     []string
		outcomes []model.PrivacyOutcome
	}{
		{"wechat", true, model.PrivacyAPIs, model.PrivacyOutcomes},
		{"bytedance", true, model.PrivacyAPIs, []model.PrivacyOutcome{model.PrivacyNotAgreed}},
		{"alipay", true, model.PrivacyAPIs, nil},
		{"baidu", false, nil, nil},
		{"harmony", true, []string{model.GetPrivacySetting}, nil},
		{"kuaishou", false, nil, nil},
		{"xiaohongshu", false, nil, nil},
		{"web", false, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			g := platformByID(t, m, tt.id).Privacy
			if !tt.gated {
				assert.Nil(t, g)
				assert.False(t, g.Has(model.GetPrivacySetting))
				return
			}
			require.NotNil(t, g)
			assert.Equal(t, tt.apis, g.APIs)
			var got []model.PrivacyOutcome
			for _, f := range g.Failures {
				got = append(got, f.Outcome)
				assert.Equal(t, f.Message != "", f.Regexp != nil, "%s: Regexp is Message compiled", f.Outcome)
			}
			assert.Equal(t, tt.outcomes, got, "failures in classification order")
		})
	}
}

func TestHostConfigsOfTheRootManifest(t *testing.T) {
	m := buildRoot(t)
	require.NotNil(t, m.App)
	byID := map[string]*model.HostConfig{}
	for _, hc := range m.App.HostConfigs {
		byID[hc.Platform.ID] = hc
	}
	require.Contains(t, byID, "wechat")
	wx := byID["wechat"]
	assert.Equal(t, []string{"chooseLocation", "getLocation", "onLocationChange", "startLocationUpdate"}, wx.RequiredPrivateInfos)
	require.Len(t, wx.Permissions, 1, "only location scopes have a WeChat permission entry")
	assert.Equal(t, "scope.userLocation", wx.Permissions[0].Key)
	assert.Contains(t, wx.OwnedPermissions, "scope.userFuzzyLocation", "unrequested catalog keys are owned too")
	assert.Contains(t, wx.OwnedPrivateInfos, "getFuzzyLocation")

	require.Contains(t, byID, "alipay")
	var keys []string
	for _, e := range byID["alipay"].Permissions {
		keys = append(keys, e.Key)
	}
	assert.Equal(t, []string{"scope.camera", "scope.userLocation", "scope.writePhotosAlbum"}, keys)
	assert.Empty(t, byID["alipay"].RequiredPrivateInfos)
	assert.NotContains(t, byID, "baidu", "the app does not ship to Baidu")
}

func TestErrCodesOfPrivacyOutcomes(t *testing.T) {
	want := map[model.PrivacyOutcome]string{
		model.PrivacyNotAgreed:   "PRIVACY_NOT_AGREED",
		model.PrivacyNotDeclared: "PRIVACY_NOT_DECLARED",
		model.PrivacyBanned:      "PRIVACY_BANNED",
	}
	for _, o := range model.PrivacyOutcomes {
		assert.Equal(t, want[o], o.ErrCode())
	}
	assert.Empty(t, model.PrivacyOutcome("other").ErrCode())
}
