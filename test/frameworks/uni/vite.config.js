// Minimal uni-app (vite) app: the stock plugin and nothing else, so its build
// shows what an app that imports @scopegen/authorize gets by default.
import { defineConfig } from "vite";
import uniPlugin from "@dcloudio/vite-plugin-uni";

// The plugin is CommonJS: its default export arrives as the module object.
const uni = uniPlugin.default ?? uniPlugin;

export default defineConfig({
  plugins: [uni()],
  // The one line README gives: resolve @scopegen/authorize to this host's entry.
  resolve: { conditions: [{ "mp-weixin": "wechat-miniprogram", "mp-alipay": "miniapp" }[process.env.UNI_PLATFORM]] },
});
