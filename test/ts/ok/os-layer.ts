// The operating system's layer in the typings: the codes, the statuses,
// openSystemSetting and failureLayer, as a page uses them.
import { authorize, getAuthStatus, openSetting, openSystemSetting, failureLayer, type AuthStatus, type AuthorizeError, type FailureLayer } from "@scopegen/authorize/wechat";

export async function locate(): Promise<string> {
  const status: AuthStatus = await getAuthStatus("scope.userLocation");
  if (status === "system-disabled") return "turn on location services";
  try {
    await authorize({ scope: "scope.userLocation" });
    return "ok";
  } catch (e) {
    const err = e as AuthorizeError;
    const layer: FailureLayer = failureLayer(err.errCode);
    if (err.errCode === "SYSTEM_DENIED" || layer === "system") {
      const done: void = await openSystemSetting();
      return String(done);
    }
    if (err.errCode === "SYSTEM_DISABLED") return "turn on location services";
    await openSetting();
    return layer;
  }
}
