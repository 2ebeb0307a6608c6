package rules

import "regexp"

// The shapes of a HarmonyOS module.json5 requestPermissions entry
// (developer.huawei.com "声明权限" / "Declaring Permissions").
var (
	// OHOSPermissionPattern is a permission name as HarmonyOS defines
	// them: ohos.permission. then upper-case letters, digits and
	// underscores (ohos.permission.APPROXIMATELY_LOCATION).
	OHOSPermissionPattern = regexp.MustCompile(`^ohos\.permission\.[A-Z][A-Z0-9_]*$`)
	// AbilityNamePattern is a UIAbility or ExtensionAbility name as
	// usedScene.abilities lists them: an ArkTS class name (EntryAbility).
	AbilityNamePattern = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)
	// ResourceNamePattern is a string resource name scopegen writes in
	// string.json and references as $string:<name>. Huawei publishes no
	// grammar for it; these names keep to letters, digits and underscores,
	// starting with a letter, which every resource compiler accepts.
	ResourceNamePattern = regexp.MustCompile(`^[a-z][A-Za-z0-9_]*$`)
)

// UsedSceneWhen are the values usedScene.when accepts: "only the fixed
// values inuse or always, never empty".
var UsedSceneWhen = []string{"inuse", "always"}

// The usedScene scopegen writes when app.usedScene leaves a part out:
// DevEco Studio's project template names its ability EntryAbility, and
// inuse asks for the permission only while the app is in use.
const (
	DefaultUsedSceneAbility = "EntryAbility"
	DefaultUsedSceneWhen    = "inuse"
)

// ResourcePrefix starts every string resource name scopegen derives for
// string.json (model.ResourceName: scopegen_scope_userLocation). A merge
// owns only the derived names (model.ModuleOwned), not every name with
// this prefix.
const ResourcePrefix = "scopegen_"
