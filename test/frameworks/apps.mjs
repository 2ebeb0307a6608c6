// Builds the minimal Taro and uni-app apps beside this file with each
// framework's own CLI, and loads a built page in a simulated mini-program.
// Shared by builds.test.mjs and scripts/framework-bench.mjs.
import { execFile } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import vm from "node:vm";
import { fileURLToPath } from "node:url";

export const here = path.dirname(fileURLToPath(import.meta.url));
const bin = (name) => path.join(here, "node_modules", ".bin", name);

// Each app's build config and the one line in it that sets the host's
// export condition (builds.test.mjs checks the docs quote it).
export const CONFIGS = {
  taro: { file: "taro/config/index.js", line: /^ *(mini: \{ webpackChain: .*\}),$/m },
  uni: { file: "uni/vite.config.js", line: /^ *(resolve: \{ conditions: .*\}),$/m },
};

/**
 * Runs fn with the app's config line commented out, as a stock app is
 * configured; restores the file afterwards.
 */
export async function withoutConfigLine(app, fn) {
  const file = path.join(here, CONFIGS[app].file);
  const text = readFileSync(file, "utf8");
  if (!CONFIGS[app].line.test(text)) throw new Error(`${file} lacks its config line`);
  writeFileSync(file, text.replace(CONFIGS[app].line, (l) => `// ${l}`));
  try {
    return await fn();
  } finally {
    writeFileSync(file, text);
  }
}

// Each build: the framework, the host id of the generated package, the
// framework's name for that host, the command, where the output lands, the
// built page, and the output file the package's code lands in (Taro puts a
// module only the page imports in the page's chunk; uni-app puts every
// node_modules module in common/vendor.js).
export const BUILDS = [
  { app: "taro", framework: "taro", host: "wechat", target: "weapp", cmd: ["taro", "build", "--type", "weapp"], out: "taro/dist/weapp", page: "pages/index/index.js", ours: "pages/index/index.js" },
  { app: "taro", framework: "taro", host: "alipay", target: "alipay", cmd: ["taro", "build", "--type", "alipay"], out: "taro/dist/alipay", page: "pages/index/index.js", ours: "pages/index/index.js" },
  { app: "uni", framework: "uni-app", host: "wechat", target: "mp-weixin", cmd: ["uni", "build", "-p", "mp-weixin"], out: "uni/dist/build/mp-weixin", page: "pages/index/index.js", ours: "common/vendor.js" },
  { app: "uni", framework: "uni-app", host: "alipay", target: "mp-alipay", cmd: ["uni", "build", "-p", "mp-alipay"], out: "uni/dist/build/mp-alipay", page: "pages/index/index.js", ours: "common/vendor.js" },
];

const pkgTarget = path.join(here, "node_modules", "@scopegen", "authorize");

/** Puts a copy of the package at pkgDir where the apps import it from. */
export function installPackage(pkgDir) {
  rmSync(pkgTarget, { recursive: true, force: true });
  mkdirSync(pkgTarget, { recursive: true });
  for (const f of ["package.json", "dist", "types"]) cpSync(path.join(pkgDir, f), path.join(pkgTarget, f), { recursive: true });
}

/**
 * Installs a package with the same exports whose authorize does nothing: a
 * build against it is the page without scopegen, the baseline of the
 * bundle figures.
 */
export function installEmptyPackage() {
  rmSync(pkgTarget, { recursive: true, force: true });
  mkdirSync(pkgTarget, { recursive: true });
  writeFileSync(path.join(pkgTarget, "package.json"), JSON.stringify({ name: "@scopegen/authorize", version: "0.0.0", sideEffects: false, main: "./index.js", module: "./index.mjs" }));
  writeFileSync(path.join(pkgTarget, "index.mjs"), "export const authorize = () => Promise.resolve();\n");
  writeFileSync(path.join(pkgTarget, "index.js"), "exports.authorize = () => Promise.resolve();\n");
}

/** Runs one build from scratch; returns its output directory and seconds taken. */
export async function build(b) {
  const app = path.join(here, b.app);
  const outDir = path.join(here, b.out);
  rmSync(outDir, { recursive: true, force: true });
  const start = process.hrtime.bigint();
  await promisify(execFile)(bin(b.cmd[0]), b.cmd.slice(1), { cwd: app, env: { ...process.env, NODE_ENV: "production" }, maxBuffer: 64 << 20 });
  return { outDir, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** Every .js file of a build output, path relative to outDir → text. */
export function outputJS(outDir) {
  const files = {};
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".js")) files[path.relative(outDir, p)] = readFileSync(p, "utf8");
    }
  };
  walk(outDir);
  return files;
}

// What the frameworks' runtimes read from the host while the app loads, and
// the simulated hosts (test/js/simhost.mjs) do not model: answered with a
// plain device. Every authorization API comes from the simulated host.
const BOOT = {
  getSystemInfoSync: () => ({ platform: "devtools", system: "", SDKVersion: "3.0.0", windowWidth: 375, windowHeight: 667, pixelRatio: 2, language: "zh_CN" }),
  canIUse: () => false,
  onAppShow() {}, onAppHide() {}, onError() {},
};

/**
 * The host API under test with the framework-boot APIs it lacks, as a plain
 * object: uni-app copies the host global's enumerable members.
 */
export const withBoot = (api) => ({ ...BOOT, ...api });

/**
 * Loads the built app and page as the host would: one global object with
 * the host API under its global name (wx, my) and the mini-program
 * constructors, each file a CommonJS module. Returns the context's
 * globalThis, where the page leaves its authorize.
 */
export function loadBuiltPage(outDir, page, globals) {
  const ctx = vm.createContext({
    navigator: { userAgent: "" },
    console, setTimeout, clearTimeout, setInterval, clearInterval, Promise,
    App() {}, Page() {}, Component() {}, Behavior() {}, getApp: () => ({}), getCurrentPages: () => [],
    ...globals,
  });
  // WeChat's mini-program scripts see their global object as `global` too.
  ctx.global = vm.runInContext("globalThis", ctx);
  const cache = new Map();
  const load = (file) => {
    if (cache.has(file)) return cache.get(file).exports;
    const module = { exports: {} };
    cache.set(file, module);
    const code = readFileSync(file, "utf8");
    const fn = vm.runInContext(`(function (require, module, exports) {${code}\n})`, ctx, { filename: file });
    const dir = path.dirname(file);
    fn((spec) => load(path.resolve(dir, spec.endsWith(".js") ? spec : `${spec}.js`)), module, module.exports);
    return module.exports;
  };
  load(path.join(outDir, "app.js"));
  load(path.join(outDir, page));
  return vm.runInContext("globalThis", ctx);
}
