// Minimal uni-app (vite) app: the stock plugin plus the one line that sets
// the host's export condition.
import { defineConfig } from "vite";
import uniPlugin from "@dcloudio/vite-plugin-uni";

// The plugin is CommonJS: its default export arrives as the module object.
const uni = uniPlugin.default ?? uniPlugin;

export default defineConfig({
  plugins: [uni()],
  // The one line README, the package README and docs/adoption.md give:
  // resolve @scopegen/authorize to this host's entry (builds.test.mjs checks
  // they quote it as it is here).
  resolve: { conditions: [{ "mp-weixin": "wechat-miniprogram", "mp-alipay": "miniapp" }[process.env.UNI_PLATFORM]] },
});
