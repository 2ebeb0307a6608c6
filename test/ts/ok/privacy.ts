// The privacy API under --strict: statuses, the privacy option, the
// privacy errCodes and onNeedPrivacy's (resolve, eventInfo) listener.
import authorize, { authorizeApi, getPrivacyStatus, onNeedPrivacy, requirePrivacy, type AuthorizeError } from "@scopegen/authorize";
import * as wechat from "@scopegen/authorize/wechat";
import * as baidu from "@scopegen/authorize/baidu";

export async function privacy(): Promise<void> {
  const status = await getPrivacyStatus();
  const state: "agreed" | "required" | "unsupported" = status.status;
  const name: string | undefined = status.contractName;
  void [state, name];
  const required = await wechat.requirePrivacy();
  const agreed: "agreed" | "unsupported" = required.status;
  void agreed;
  await authorize({ scope: "scope.camera", privacy: "require" });
  await authorizeApi("getLocation", { privacy: "require" });
  try {
    await wechat.authorize({ scope: "scope.record", privacy: "require" });
  } catch (e) {
    const code = (e as AuthorizeError).errCode;
    if (code === "PRIVACY_NOT_AGREED" || code === "PRIVACY_NOT_DECLARED" || code === "PRIVACY_BANNED") return;
  }
  const registered: boolean = onNeedPrivacy((resolve, eventInfo) => {
    const referrer: string = eventInfo.referrer;
    void referrer;
    resolve({ event: "agree", buttonId: "agree-button" });
  });
  wechat.onNeedPrivacy((resolve) => resolve({ event: "disagree" }));
  void [registered, await baidu.getPrivacyStatus(), baidu.onNeedPrivacy((resolve) => resolve({ event: "exposureAuthorization" }))];
  await requirePrivacy();
}
