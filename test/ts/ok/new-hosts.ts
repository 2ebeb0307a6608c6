// The HarmonyOS and Xiaohongshu entries type their own scopes: each
// accepts the scopes manifest.yaml gives the host, and their unions are
// exactly those scopes (the fail/ fixtures show the others refused).
import * as harmony from "@scopegen/authorize/harmony";
import * as xiaohongshu from "@scopegen/authorize/xiaohongshu";
import type { HarmonyScope } from "@scopegen/authorize/harmony";
import type { XiaohongshuScope } from "@scopegen/authorize/xiaohongshu";

type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const harmonyScopes: Exactly<HarmonyScope, "scope.addPhoneCalendar" | "scope.bluetooth" | "scope.camera" | "scope.record" | "scope.userFuzzyLocation" | "scope.userLocation"> = true;
const xhsScopes: Exactly<XiaohongshuScope, "scope.camera" | "scope.userInfo" | "scope.userLocation" | "scope.userLocationBackground" | "scope.writePhotosAlbum"> = true;

export async function newHosts(): Promise<void> {
  const fuzzy = await harmony.authorize({ scope: "scope.userFuzzyLocation" });
  const fuzzyScope: "scope.userFuzzyLocation" = fuzzy.scope;
  const onHarmony: "harmony" = harmony.platform;
  const album = await xiaohongshu.authorize({ scope: "scope.writePhotosAlbum" });
  const albumScope: "scope.writePhotosAlbum" = album.scope;
  const onXhs: "xiaohongshu" = xiaohongshu.platform;
  void [harmonyScopes, xhsScopes, fuzzyScope, onHarmony, albumScope, onXhs];
}
