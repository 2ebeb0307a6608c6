package model_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/validate"
)

func buildRoot(t *testing.T) *model.Model {
	t.Helper()
	data, err := os.ReadFile("../../manifest.yaml")
	require.NoError(t, err)
	raw, diags := load.Load("manifest.yaml", data)
	require.Empty(t, diags)
	require.Empty(t, validate.Check(raw))
	m, diags := model.Build(raw, "example.com/gen")
	require.Empty(t, diags)
	return m
}

func TestBuildOrdersAndNumbers(t *testing.T) {
	m := buildRoot(t)
	var ids []string
	for i, p := range m.Platforms {
		assert.Equal(t, i+1, p.Index)
		ids = append(ids, p.ID)
	}
	assert.Equal(t, []string{"alipay", "baidu", "bytedance", "harmony", "kuaishou", "web", "wechat", "xiaohongshu"}, ids)
	for i, s := range m.Scopes {
		assert.Equal(t, i+1, s.Index)
		if i > 0 {
			assert.Less(t, m.Scopes[i-1].Name, s.Name, "scopes sorted by name")
		}
		for j, sup := range s.Support {
			assert.Same(t, s, sup.Scope)
			if j > 0 {
				assert.Less(t, s.Support[j-1].Platform.Index, sup.Platform.Index)
			}
			assert.Len(t, sup.APINames, len(s.APIs), "every API has a native name on every supporting host")
		}
	}
	for i := 1; i < len(m.APIs); i++ {
		assert.Less(t, m.APIs[i-1].Name, m.APIs[i].Name, "APIs sorted and unique")
	}
}

func TestDetectOrderPutsWxSharersFirst(t *testing.T) {
	m := buildRoot(t)
	pos := map[string]int{}
	for i, p := range m.DetectOrder {
		pos[p.ID] = i
	}
	assert.Less(t, pos["bytedance"], pos["wechat"])
	assert.Less(t, pos["kuaishou"], pos["wechat"])
	assert.Len(t, m.DetectOrder, len(m.Platforms))
}

func TestFallbackPlatformsAreDetectedLast(t *testing.T) {
	raw, diags := load.Load("manifest.yaml", []byte(`version: 1
platforms:
  aweb: {title: Web, global: navigator, fallback: true, exportCondition: web, denial: {message: deny}}
  bmini: {title: Mini, global: mini, exportCondition: mini, denial: {message: deny}}
  cshare: {title: Share, global: share, alsoDefines: [mini], exportCondition: share, denial: {message: deny}}
scopes:
  s: {title: S, description: S., platforms: {aweb: {native: s, grant: onUse}}}
`))
	require.Empty(t, diags)
	m, diags := model.Build(raw, "example.com/gen")
	require.Empty(t, diags)
	var order []string
	for _, p := range m.DetectOrder {
		order = append(order, p.ID)
	}
	assert.Equal(t, []string{"cshare", "bmini", "aweb"}, order)
}

func TestResolvedNames(t *testing.T) {
	m := buildRoot(t)
	byName := map[string]*model.Scope{}
	for _, s := range m.Scopes {
		byName[s.Name] = s
	}
	assert.Equal(t, "UserLocation", byName["scope.userLocation"].GoName)
	assert.Equal(t, "AuthBase", byName["auth_base"].GoName)
	assert.Equal(t, "WeRun", byName["scope.werun"].GoName, "explicit goName wins")
	album := byName["scope.writePhotosAlbum"]
	var natives []string
	for _, sup := range album.Support {
		natives = append(natives, sup.Platform.ID+"="+sup.Native)
	}
	assert.Contains(t, natives, "bytedance=scope.album")
	assert.Contains(t, natives, "alipay=album")
	var wechat *model.Platform
	for _, p := range m.Platforms {
		if p.ID == "wechat" {
			wechat = p
		}
	}
	require.NotNil(t, wechat)
	assert.Equal(t, "WeChat", wechat.GoName)
	assert.Equal(t, model.APIName{Universal: "saveImage", Native: "saveImageToPhotosAlbum"}, album.SupportOn(wechat).APINames[0])
	assert.Nil(t, byName["auth_base"].SupportOn(wechat), "auth_base is Alipay only")
}

func TestGoNameDerivation(t *testing.T) {
	for name, want := range map[string]string{
		"scope.userLocation":     "UserLocation",
		"auth_base":              "AuthBase",
		"scope.a.b_c":            "ABC",
		"scope.9lives":           "9lives",
		"scopex.userLocation":    "ScopexUserLocation",
		"scope.writePhotosAlbum": "WritePhotosAlbum",
	} {
		assert.Equal(t, want, model.ScopeGoName(name), name)
	}
	assert.Equal(t, "Baidu", model.PlatformGoName("baidu"))
}

func TestTSIdentCollision(t *testing.T) {
	saved := model.ReservedTSNames
	t.Cleanup(func() { model.ReservedTSNames = saved })
	model.ReservedTSNames = append([]string{"AnyScope"}, saved...)
	raw, diags := load.Load("manifest.yaml", []byte(`version: 1
platforms:
  any: {title: Any, global: any, exportCondition: any, denial: {message: deny}}
scopes:
  s: {title: S, description: S., platforms: {any: {native: s, grant: authorize}}}
`))
	require.Empty(t, diags)
	_, diags = model.Build(raw, "example.com/gen")
	require.Len(t, diags, 1)
	assert.Equal(t, "TS_IDENT_COLLISION", diags[0].Rule)
	assert.Equal(t, 3, diags[0].Line)
}
