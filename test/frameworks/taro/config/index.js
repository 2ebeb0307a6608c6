// Minimal Taro 4 (webpack 5) app: stock settings, no resolve changes, so its
// build shows what an app that imports @scopegen/authorize gets by default.
const platform = process.env.TARO_ENV;
export default {
  projectName: "scopegen-taro",
  designWidth: 750,
  sourceRoot: "src",
  outputRoot: `dist/${platform}`,
  framework: "react",
  compiler: "webpack5",
  plugins: platform === "alipay" ? ["@tarojs/plugin-platform-alipay"] : [],
  cache: { enable: false },
  logger: { quiet: true, stats: false },
  mini: {
    // The one line README gives: resolve @scopegen/authorize to this host's entry.
    webpackChain: (chain) => chain.resolve.set("conditionNames", [{ weapp: "wechat-miniprogram", alipay: "miniapp" }[process.env.TARO_ENV], "..."]),
  },
};
