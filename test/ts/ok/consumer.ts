// A consumer program that must compile under --strict against the
// generated typings: the universal entry, host entries, callbacks,
// errors, authorizeApi and the typed helpers.
import authorize, {
  authorizeApi, getAuthStatus, getSetting, isSupported, openSetting, platform, scopeForApi, scopes,
  type AuthorizeError, type AuthorizeResult, type AuthStatus, type ErrorCode, type Platform, type Scope,
} from "@scopegen/authorize";
import * as wechat from "@scopegen/authorize/wechat";
import { authorize as alipayAuthorize, type AlipayScope } from "@scopegen/authorize/alipay";

export async function main(): Promise<void> {
  const res: AuthorizeResult<"scope.userLocation"> = await authorize({ scope: "scope.userLocation" });
  const where: Platform = res.platform;
  const s: "scope.userLocation" = res.scope;

  authorize({
    scope: "scope.camera",
    success(r) { const scope: "scope.camera" = r.scope; void scope; },
    fail(err: AuthorizeError) { const code: ErrorCode = err.errCode; void code; void err.nativeError; },
    complete() {},
  });

  try {
    await wechat.authorize({ scope: "scope.werun" });
  } catch (e) {
    const err = e as AuthorizeError;
    if (err.errCode === "AUTH_DENIED") await wechat.openSetting();
  }
  const wechatHost: "wechat" = wechat.platform;

  const code = await alipayAuthorize({ scope: "scope.userInfo" });
  const authCode: string | undefined = code.authCode;
  const alipayScope: AlipayScope = "auth_base";

  const guarded = await authorizeApi("getLocation");
  const guardedScope: "scope.userLocation" = guarded.scope;
  const free = await authorizeApi("request" as string);
  const status: AuthStatus = await getAuthStatus("scope.record");
  const setting = await getSetting();
  const located: boolean | undefined = setting.authSetting["scope.userLocation"];
  await openSetting();
  const mapped: "scope.writePhotosAlbum" = scopeForApi("saveImage");
  const maybe: Scope | undefined = scopeForApi("whatever" as string);
  const all: readonly Scope[] = scopes;
  const current: Platform | undefined = platform;
  const ok: boolean = isSupported("scope.werun", "wechat");
  void [where, s, wechatHost, authCode, alipayScope, guardedScope, free, status, located, mapped, maybe, all, current, ok];
}
