// Package generatedtest checks the committed generated/ Go packages
// against the model of manifest.yaml: every answer they give is the one
// the manifest says.
package generatedtest

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generated/platform/alipay"
	"github.com/scopegen/scopegen/generated/platform/baidu"
	"github.com/scopegen/scopegen/generated/platform/bytedance"
	"github.com/scopegen/scopegen/generated/platform/harmony"
	"github.com/scopegen/scopegen/generated/platform/kuaishou"
	"github.com/scopegen/scopegen/generated/platform/web"
	"github.com/scopegen/scopegen/generated/platform/wechat"
	"github.com/scopegen/scopegen/generated/platform/xiaohongshu"
	"github.com/scopegen/scopegen/generated/scope"
	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/model"
)

type platformPkg struct {
	Native         func(scope.Scope) (string, bool)
	FromNative     func(string) (scope.Scope, bool)
	SettingKey     func(scope.Scope) (string, bool)
	FromSettingKey func(string) (scope.Scope, bool)
	NativeAPI      func(string) (string, bool)
	IsDenial       func(int, string) bool
}

var pkgs = map[string]platformPkg{
	"alipay":      {alipay.Native, alipay.FromNative, alipay.SettingKey, alipay.FromSettingKey, alipay.NativeAPI, alipay.IsDenial},
	"baidu":       {baidu.Native, baidu.FromNative, baidu.SettingKey, baidu.FromSettingKey, baidu.NativeAPI, baidu.IsDenial},
	"bytedance":   {bytedance.Native, bytedance.FromNative, bytedance.SettingKey, bytedance.FromSettingKey, bytedance.NativeAPI, bytedance.IsDenial},
	"harmony":     {harmony.Native, harmony.FromNative, harmony.SettingKey, harmony.FromSettingKey, harmony.NativeAPI, harmony.IsDenial},
	"kuaishou":    {kuaishou.Native, kuaishou.FromNative, kuaishou.SettingKey, kuaishou.FromSettingKey, kuaishou.NativeAPI, kuaishou.IsDenial},
	"web":         {web.Native, web.FromNative, web.SettingKey, web.FromSettingKey, web.NativeAPI, web.IsDenial},
	"wechat":      {wechat.Native, wechat.FromNative, wechat.SettingKey, wechat.FromSettingKey, wechat.NativeAPI, wechat.IsDenial},
	"xiaohongshu": {xiaohongshu.Native, xiaohongshu.FromNative, xiaohongshu.SettingKey, xiaohongshu.FromSettingKey, xiaohongshu.NativeAPI, xiaohongshu.IsDenial},
}

func rootModel(t *testing.T) *model.Model {
	data, err := os.ReadFile("../../manifest.yaml")
	require.NoError(t, err)
	m, diags := generator.Resolve("manifest.yaml", data, generator.Options{GoImportPath: "github.com/scopegen/scopegen/generated"})
	require.Empty(t, diags)
	return m
}

func TestGeneratedAgreesWithManifest(t *testing.T) {
	m := rootModel(t)
	require.Len(t, scope.All(), len(m.Scopes))
	require.Len(t, scope.AllPlatforms(), len(m.Platforms))
	require.Len(t, pkgs, len(m.Platforms), "a platform package is missing from this test")
	for i, s := range m.Scopes {
		got := scope.All()[i]
		assert.Equal(t, s.Name, got.String())
		parsed, err := scope.Parse(s.Name)
		require.NoError(t, err)
		assert.Equal(t, got, parsed)
		text, err := got.MarshalText()
		require.NoError(t, err)
		var back scope.Scope
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, got, back)
		assert.Equal(t, s.APIs, got.APIs())
		for _, api := range s.APIs {
			owner, ok := scope.ForAPI(api)
			assert.True(t, ok)
			assert.Equal(t, got, owner, api)
		}
		for j, p := range m.Platforms {
			gp := scope.AllPlatforms()[j]
			require.Equal(t, p.ID, gp.String())
			pkg := pkgs[p.ID]
			sup := s.SupportOn(p)
			assert.Equal(t, sup != nil, got.SupportedOn(gp), "%s on %s", s.Name, p.ID)
			native, ok := pkg.Native(got)
			assert.Equal(t, sup != nil, ok)
			if sup == nil {
				assert.Equal(t, scope.GrantUnsupported, got.Grant(gp))
				continue
			}
			assert.Equal(t, string(sup.Grant), got.Grant(gp).String())
			assert.Equal(t, sup.Native, native)
			from, ok := pkg.FromNative(sup.Native)
			assert.True(t, ok)
			assert.Equal(t, got, from)
			key, ok := pkg.SettingKey(got)
			assert.Equal(t, sup.SettingKey != "", ok)
			assert.Equal(t, sup.SettingKey, key)
			if ok {
				from, _ := pkg.FromSettingKey(key)
				assert.Equal(t, got, from)
			}
			for _, n := range sup.APINames {
				nativeAPI, ok := pkg.NativeAPI(n.Universal)
				assert.True(t, ok)
				assert.Equal(t, n.Native, nativeAPI)
			}
		}
	}
}

func TestInvalidValues(t *testing.T) {
	var zero scope.Scope
	assert.False(t, zero.IsValid())
	assert.Equal(t, "Scope(0)", zero.String())
	assert.Equal(t, "Scope(9999)", scope.Scope(9999).String())
	assert.False(t, scope.Scope(9999).SupportedOn(scope.WeChat))
	assert.False(t, scope.UserLocation.SupportedOn(scope.Platform(200)), "an invalid platform supports nothing")
	assert.False(t, scope.UserLocation.SupportedOn(0))
	assert.Equal(t, scope.GrantUnsupported, scope.Scope(9999).Grant(scope.WeChat))
	_, err := zero.MarshalText()
	assert.Error(t, err)
	var s scope.Scope
	assert.EqualError(t, s.UnmarshalText([]byte("scope.camra")), `scope: unknown scope "scope.camra" (did you mean "scope.camera"?)`)
	_, err = scope.ParsePlatform("wechta")
	assert.EqualError(t, err, `scope: unknown platform "wechta" (did you mean "wechat"?)`)
	_, err = scope.Parse("completely-different")
	assert.EqualError(t, err, `scope: unknown scope "completely-different"`)
	_, ok := scope.ForAPI("noSuchAPI")
	assert.False(t, ok)
	_, ok = wechat.Native(scope.AuthBase)
	assert.False(t, ok, "auth_base is Alipay only: never mapped elsewhere")
}

func TestSettingsAndDenials(t *testing.T) {
	assert.Equal(t, map[scope.Scope]bool{scope.UserLocation: true, scope.WritePhotosAlbum: false},
		alipay.NormalizeSettings(map[string]bool{"location": true, "album": false, "_RVA_APPID": true}))
	assert.Equal(t, map[scope.Scope]bool{scope.WritePhotosAlbum: true},
		bytedance.NormalizeSettings(map[string]bool{"scope.album": true}))
	assert.True(t, wechat.IsDenial(0, "authorize:fail auth deny"))
	assert.True(t, wechat.IsDenial(0, "getLocation:fail:auth denied"))
	assert.False(t, wechat.IsDenial(0, "authorize:fail invalid scope"))
	assert.True(t, baidu.IsDenial(10003, ""))
	assert.False(t, baidu.IsDenial(10002, "network error"))
	assert.True(t, alipay.IsDenial(2001, ""))
	assert.False(t, alipay.IsDenial(12, "Network Error"))
	assert.True(t, bytedance.IsDenial(10200, ""))
}

func TestParseAuthCodeResult(t *testing.T) {
	res, err := alipay.ParseAuthCodeResult([]byte(`{"authCode":"x","authSuccessScopes":["auth_base","auth_user","order_service"],"authErrorScopes":{"auth_zhima":11,"ride_hailing":"3"}}`))
	require.NoError(t, err)
	assert.Equal(t, "x", res.AuthCode)
	assert.Equal(t, []scope.Scope{scope.AuthBase, scope.UserInfo}, res.Granted)
	assert.Equal(t, []string{"order_service"}, res.UnknownGranted, "native names the manifest does not map are kept")
	assert.Equal(t, map[scope.Scope]string{scope.AuthZhima: "11"}, res.Failed, "numeric codes are kept as text")
	assert.Equal(t, map[string]string{"ride_hailing": "3"}, res.UnknownFailed)
	out, err := json.Marshal(res.Granted)
	require.NoError(t, err)
	assert.JSONEq(t, `["auth_base","scope.userInfo"]`, string(out))
	_, err = alipay.ParseAuthCodeResult([]byte(`{"authCode":`))
	assert.ErrorContains(t, err, "alipay: decoding getAuthCode result")
}
