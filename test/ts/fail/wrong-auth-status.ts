// @expect TS2367
// getAuthStatus's answers are a closed union: the OS layer's are "system-denied" and "system-disabled", nothing else.
import { getAuthStatus } from "@scopegen/authorize/wechat";
export const check = async () => (await getAuthStatus("scope.camera")) === "os-denied";
