package vet

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generated/scope"
)

// TestUnknownMatchesRuntime: UNKNOWN_SCOPE_NAME says at vet time what the
// generated Parse and ParsePlatform say at run time, did-you-mean included.
func TestUnknownMatchesRuntime(t *testing.T) {
	names, diags, err := LoadNames("../../manifest.yaml", "github.com/scopegen/scopegen/generated")
	require.NoError(t, err)
	require.Empty(t, diags)
	c := &checker{names: names}
	scopeKind, platformKind := c.kinds()
	for _, name := range []string{"scope.userLocaton", "scope.camra", "scope.writePhotoAlbum", "auth_bse", "zzz", "", "scope.ablum"} {
		_, err := scope.Parse(name)
		require.Error(t, err, name)
		assert.Equal(t, err.Error(), "scope: "+scopeKind.unknown(name), name)
	}
	for _, name := range []string{"wechta", "bytedace", "alipy", "web2", "weixin", ""} {
		_, err := scope.ParsePlatform(name)
		require.Error(t, err, name)
		assert.Equal(t, err.Error(), "scope: "+platformKind.unknown(name), name)
	}
}
