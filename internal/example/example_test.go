// Package example is the Go service of docs/go-api.md's example, kept
// compiling and correct by go test.
package example_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/scopegen/scopegen/generated/platform/alipay"
	"github.com/scopegen/scopegen/generated/platform/wechat"
	"github.com/scopegen/scopegen/generated/scope"
)

// consentHandler takes what a mini-program posts after authorize: the
// platform id, and for Alipay the getAuthCode result. It stores universal
// scope names only.
func consentHandler(w http.ResponseWriter, r *http.Request) {
	platform, err := scope.ParsePlatform(r.URL.Query().Get("platform"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest) // scope: unknown platform "wechta" (did you mean "wechat"?)
		return
	}
	body, _ := io.ReadAll(r.Body)
	switch platform {
	case scope.Alipay:
		res, err := alipay.ParseAuthCodeResult(body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		// Exchange res.AuthCode with alipay.system.oauth.token here.
		json.NewEncoder(w).Encode(map[string]any{"granted": res.Granted, "failed": res.Failed})
	default:
		var settings struct {
			AuthSetting map[string]bool `json:"authSetting"`
		}
		_ = json.Unmarshal(body, &settings)
		json.NewEncoder(w).Encode(wechat.NormalizeSettings(settings.AuthSetting))
	}
}

func Example() {
	// Which hosts can ask for the location, and how?
	for _, p := range scope.UserLocation.Platforms() {
		fmt.Printf("%s: %s\n", p.Title(), scope.UserLocation.Grant(p))
	}

	// Scopes travel as names; Parse suggests a fix for a typo.
	_, err := scope.Parse("scope.userLocaton")
	fmt.Println(err)

	// Which scope does an API need, and what is it called on Douyin?
	s, _ := scope.ForAPI("saveImage")
	fmt.Println(s, s.SupportedOn(scope.ByteDance))

	// An Alipay mini-program posts its getAuthCode result.
	srv := httptest.NewServer(http.HandlerFunc(consentHandler))
	defer srv.Close()
	resp, _ := http.Post(srv.URL+"?platform=alipay", "application/json",
		strings.NewReader(`{"authCode":"c0de","authSuccessScopes":["auth_user"],"authErrorScopes":{"auth_zhima":"11"}}`))
	out, _ := io.ReadAll(resp.Body)
	fmt.Print(string(out))

	// Output:
	// Alipay: onUse
	// Baidu: authorize
	// ByteDance: authorize
	// HarmonyOS: authorize
	// Kuaishou: authorize
	// Web: onUse
	// WeChat: authorize
	// Xiaohongshu: authorize
	// scope: unknown scope "scope.userLocaton" (did you mean "scope.userLocation"?)
	// scope.writePhotosAlbum true
	// {"failed":{"auth_zhima":"11"},"granted":["scope.userInfo"]}
}
