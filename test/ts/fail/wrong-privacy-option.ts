// @expect TS2322
// The privacy option is "require" or absent.
import authorize from "@scopegen/authorize";
void authorize({ scope: "scope.camera", privacy: "always" });
