package unknownname

import "example.com/app/generated/scope"

const typo = "scope.camra"

func parse() {
	_, _ = scope.Parse("scope.userLocaton") // want `Parse\("scope.userLocaton"\) always fails: unknown scope "scope.userLocaton" \(did you mean "scope.userLocation"\?\)`
	_, _ = scope.ParsePlatform("wechta")    // want `ParsePlatform\("wechta"\) always fails: unknown platform "wechta" \(did you mean "wechat"\?\)`
	_, _ = scope.Parse(typo)                // want `Parse\("scope.camra"\) always fails: unknown scope "scope.camra" \(did you mean "scope.camera"\?\)`
	_, _ = scope.ParsePlatform("kuaishou")  // want `ParsePlatform\("kuaishou"\) always fails: unknown platform "kuaishou"$`
}

func compare(s scope.Scope) bool {
	return s.String() == "scope.camra" // want `s.String\(\) is never "scope.camra": unknown scope "scope.camra" \(did you mean "scope.camera"\?\)`
}

func switchString(p scope.Platform) int {
	switch p.String() {
	case "bytedanse": // want `p.String\(\) is never "bytedanse": unknown platform "bytedanse" \(did you mean "bytedance"\?\)`
		return 1
	}
	return 0
}
