// @expect TS2367
// Error codes are a closed union: comparing with a code that does not exist is a type error.
import authorize from "@scopegen/authorize";
authorize({ scope: "scope.camera", fail: (e) => { if (e.errCode === "DENIED") return; } });
