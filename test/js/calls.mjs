// Native calls per authorize: ours against @uni/apis 1.1.13, both run
// under the same simulated host (simhost.mjs). Shared by calls.test.mjs and
// scripts/calls-bench.mjs. @uni/apis is bundled per host with esbuild and
// the host's export condition, as scripts/size-bench.mjs bundles it.
import { build } from "esbuild";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { createHost, GLOBALS, withGlobals } from "./simhost.mjs";
import { pkg, tableOf } from "./load.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// The recorded answers a scope can have before authorize.
export const STATES = ["never-answered", "granted", "denied"];

// The hosts compared, and per host the scopes @uni/apis's authorize does
// the same job for: every scope granted by the host's authorize, and on
// Alipay the getAuthCode scopes (its authorize calls my.getAuthCode too).
// Alipay's onUse scopes are left out: there @uni/apis calls
// my.showAuthGuide, which grants nothing (manifest: Alipay's note).
export function comparedScopes(id) {
  const scopes = tableOf(id)?.scopes ?? {};
  return Object.keys(scopes).sort().filter((s) => scopes[s].grant === "authorize" || (id === "alipay" && scopes[s].grant === "authCode" && scopes[s].native !== "auth_base"));
}
/** The simulated hosts with a scope to compare, split by whether @uni/apis's authorize runs there. */
export async function simulatedHosts() {
  const compared = [], unsupported = [];
  for (const id of Object.keys(GLOBALS).filter((h) => comparedScopes(h).length > 0)) (await uniRuns(id) ? compared : unsupported).push(id);
  return { compared, unsupported };
}
export const comparedHosts = async () => (await simulatedHosts()).compared;

// Whether @uni/apis's authorize, bundled for host id, runs there at all: on
// a host it does not know (HarmonyOS, Xiaohongshu in 1.1.13) it throws
// "authorize暂不支持" before any native call.
async function uniRuns(id) {
  const uni = await uniAuthorize(id);
  const sim = createHost(id);
  try {
    await withGlobals({ [GLOBALS[id]]: withMarkers(sim) }, () => uni({ scope: comparedScopes(id)[0] }));
  } catch (e) {
    if (sim.calls.length === 0 && /暂不支持/.test(e?.message ?? "")) return false;
  }
  return true;
}

// The state as simhost records it: under the authorize native name or,
// for getAuthCode, the auth_ scope.
function seed(id, scope, state) {
  if (state === "never-answered") return {};
  return { [tableOf(id).scopes[scope].native]: state };
}

/** A simulated host for one authorize: the user accepts a prompt. */
export const hostFor = (id, scope, state) => createHost(id, { answer: "accept", state: seed(id, scope, state) });

// @uni/apis finds its host by a method that is not an authorization call
// (my.alert, tt.showToast, wx.request, …); these answer nothing and are
// not counted. Only simhost's recorded methods are native calls here.
const MARKERS = { alert() {}, showToast() {}, request() {} };
const withMarkers = (sim) => ({ ...MARKERS, ...sim.api });

const uniModules = new Map();
let bundleDir;

/** @uni/apis's authorize as bundled for host id (its export condition). */
export async function uniAuthorize(id) {
  if (uniModules.has(id)) return uniModules.get(id);
  const condition = Object.entries(pkg.exports["."]).find(([, t]) => t.import?.default === `./dist/${id}.mjs`)?.[0];
  const out = await build({
    stdin: { contents: `export { authorize } from "@uni/apis";`, resolveDir: root, loader: "js" },
    bundle: true, format: "esm", write: false, conditions: condition ? [condition] : [], logLevel: "silent",
  });
  bundleDir ??= mkdtempSync(path.join(tmpdir(), "scopegen-uni-"));
  const file = path.join(bundleDir, `uni-${id}.mjs`);
  writeFileSync(file, out.outputFiles[0].contents);
  // The bundle reads its host once, when it is evaluated: evaluate it on
  // a simulated host of that kind.
  const sim = createHost(id);
  const mod = await withGlobals({ [GLOBALS[id]]: withMarkers(sim) }, () => import(pathToFileURL(file).href));
  uniModules.set(id, mod.authorize);
  return mod.authorize;
}

/**
 * Runs `callers` concurrent authorize calls of scope on a fresh simulated
 * host in state; `run(scope)` is one caller. Returns the native calls made,
 * the prompts shown, and each caller's outcome ("ok" or the error's
 * errCode / errMsg).
 */
export async function measure(id, scope, state, run, { callers = 1, markers = false } = {}) {
  const sim = hostFor(id, scope, state);
  const outcomes = await withGlobals({ [GLOBALS[id]]: markers ? withMarkers(sim) : sim.api }, () =>
    Promise.all(Array.from({ length: callers }, () => run(scope).then(() => "ok", (e) => e?.errCode ?? e?.errMsg ?? String(e)))));
  return { calls: sim.calls.length, names: sim.calls, prompts: sim.prompts, outcomes };
}

/** Ours (entry) and @uni/apis for one host, scope, state and caller count. */
export async function compare(id, entry, scope, state, callers = 1) {
  const uni = await uniAuthorize(id);
  const ours = await measure(id, scope, state, (s) => entry.authorize({ scope: s }), { callers });
  const theirs = await measure(id, scope, state, (s) => uni({ scope: s }), { callers, markers: true });
  return { ours, theirs };
}
