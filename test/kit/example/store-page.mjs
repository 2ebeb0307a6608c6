// store-page.mjs: a page that lists the stores near the user. It asks for
// the location when shown; after a denial it shows a "go to settings"
// button instead, since hosts open their settings page only after a tap.
import { authorize, openSetting } from "@scopegen/authorize";

export function storePage() {
  const view = { nearby: false, settingsButton: false, hint: "" };
  const locate = async () => {
    try {
      await authorize({ scope: "scope.userLocation" });
      view.nearby = true;
      view.settingsButton = false;
    } catch (err) {
      if (err.errCode !== "AUTH_DENIED") throw err;
      view.settingsButton = true;
    }
  };
  return {
    view,
    onShow: locate,
    async onSettingsTap() {
      try {
        const { authSetting } = await openSetting();
        if (authSetting["scope.userLocation"]) await locate();
      } catch (err) {
        // Browsers have no settings page to open.
        if (err.errCode !== "NOT_AVAILABLE") throw err;
        view.hint = "Allow location for this site in the browser's site settings.";
      }
    },
  };
}
