// @expect TS2820
// A misspelt scope is a type error (TypeScript suggests the right name).
import authorize from "@scopegen/authorize";
authorize({ scope: "scope.userLocaton" });
