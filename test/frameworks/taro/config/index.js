// Minimal Taro 4 (webpack 5) app: stock settings plus the one line that sets
// the host's export condition.
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
  // The one line README, the package README and docs/adoption.md give:
  // resolve @scopegen/authorize to this host's entry (builds.test.mjs checks
  // they quote it as it is here).
  mini: { webpackChain: (chain) => chain.resolve.set("conditionNames", [{ weapp: "wechat-miniprogram", alipay: "miniapp" }[process.env.TARO_ENV], "..."]) },
};
