// Simulated mini-program hosts, written from the hosts' documentation (the
// ids in parentheses are manifest.yaml's `sources:`, each with its URL).
// Each keeps the three-state prompt model per
// native scope (unanswered → a prompt; granted → no prompt, success;
// denied → no prompt, fail), answers prompts as told, counts prompts and
// records every native call. Errors have each host's own shape.
import { tableOf } from "./load.mjs";

// What each host accepts comes from ONE place, the manifest (read by
// facts.mjs, not from the package under test): the native scopes of the
// host's authorize (any other is "invalid scope", wx-authorize), the
// Alipay APIs that prompt on first use with the authSetting key they are
// recorded under (ap-open-docs: the onUse scopes' probes and keys), and the
// getAuthCode scopes (ap-getauthcode). Adding a scope to manifest.yaml as README's
// "Adding a scope" says is all the simulated hosts need.
const nativeScopes = (id) => Object.values(tableOf(id).scopes).map((r) => r.native);
const alipayDeviceAPIs = () => Object.fromEntries(Object.values(tableOf("alipay").scopes).filter((r) => r.grant === "onUse" && r.probe).map((r) => [r.probe, r.settingKey || r.native]));
const alipayAuthCodeScopes = () => Object.values(tableOf("alipay").scopes).filter((r) => r.grant === "authCode").map((r) => r.native).concat("auth_base");

// How each host fails a denied authorize (each platform's denial sources).
// HarmonyOS (has.authorize's error table): error 103 "authorize reject.";
// the page names no field, so it comes as a HarmonyOS error, { code, message }.
// Xiaohongshu: one report (redmini#1633) of an album refusal, code 15 with
// "…小程序请求写入相册被拒绝"; other scopes' texts are not reported, so they
// follow the same form.
export const DENIALS = {
  wechat: (api) => ({ errMsg: `${api}:fail:auth deny` }), // the Android form
  bytedance: (api) => ({ errMsg: `${api}:fail auth deny`, errNo: "10200" }), // errNo is a string in the docs
  baidu: (api) => ({ errMsg: `${api}:fail`, errCode: 10003 }),
  kuaishou: (api) => ({ errMsg: `${api}:fail auth deny` }),
  harmony: () => ({ code: 103, message: "authorize reject." }),
  xiaohongshu: (api, scope) => ({ code: 15, errMsg: `${api} fail: call function: '${api}',小程序请求${scope === "scope.writePhotosAlbum" ? "写入相册" : "授权"}被拒绝` }),
};
// How each host refuses a scope its authorize does not know: HarmonyOS's
// error 102 "scope is not support"; the others' "invalid scope".
const UNKNOWN_SCOPE = {
  harmony: () => ({ code: 102, message: "scope is not support." }),
};

export const GLOBALS = { wechat: "wx", alipay: "my", bytedance: "tt", baidu: "swan", kuaishou: "ks", harmony: "has", xiaohongshu: "xhs" };

// The privacy-agreement gate (wx-privacy-guide, tt-privacy-codelab): the hosts that have
// one, the failures they answer with, and which native scopes it covers.
// WeChat: errno 104 "privacy permission is not authorized" (not agreed),
// 112 "api scope is not declared in the privacy agreement" (not declared),
// for the scopes the manifest marks gated. Douyin answers an
// unagreed privacy with WeChat's "not declared" wording (tt-privacy-codelab); which
// Douyin scopes the gate covers is not sourced, so here it covers every
// authorize call. Baidu, Kuaishou and the web have no gate.
const PRIVACY_HOSTS = ["wechat", "bytedance"];
export const PRIVACY_FAILURES = {
  wechat: {
    notAgreed: (api) => ({ errno: 104, errMsg: `${api}:fail privacy permission is not authorized` }),
    notDeclared: (api) => ({ errno: 112, errMsg: `${api}:fail api scope is not declared in the privacy agreement` }),
  },
  bytedance: {
    notAgreed: (api) => ({ errMsg: `${api}:fail api scope is not declared in the privacy agreement` }),
    notDeclared: (api) => ({ errMsg: `${api}:fail api scope is not declared in the privacy agreement` }),
    // After the user disagrees (the tt.onNeedPrivacyAuthorization page).
    disagreed: (api) => ({ errMsg: `${api}:fail privacy permission is not authorized` }),
  },
};
export const hasPrivacyGate = (id) => PRIVACY_HOSTS.includes(id);
// HarmonyOS has the privacy agreement too, shown by the platform itself:
// has.getPrivacySetting answers { needAuthorization } and nothing else (no
// contract name, no errMsg), and no API's failure before the user agrees is
// documented, so here the agreement changes the status only.
const PRIVACY_STATUS_HOSTS = ["harmony"];
export const hasPrivacyStatus = (id) => hasPrivacyGate(id) || PRIVACY_STATUS_HOSTS.includes(id);

/**
 * Creates a simulated host. `answer` is what the user taps when prompted:
 * "accept" or "reject". `state` maps native scope (or Alipay key) to
 * "granted" | "denied"; absent means never answered.
 * On a host with a privacy gate: `privacy` is "agreed" (the gate is open),
 * "required" (closed: the user has not agreed) or "absent" (a base library
 * without the privacy APIs, and so without the gate); `privacyAnswer` is
 * what the user taps in the privacy guide ("agree" | "disagree");
 * `gated(native)` says whether the gate covers a native scope; `undeclared`
 * lists native scopes the privacy guide does not declare. `sync`: the host
 * calls back before its method returns (hosts answer asynchronously by
 * default).
 */
export function createHost(id, { answer = "accept", state = {}, privacy = "agreed", privacyAnswer = "agree", gated = () => true, undeclared = [], sync = false } = {}) {
  const sim = { id, prompts: 0, privacyPrompts: 0, calls: [], state: { ...state }, answer, privacy };
  const callback = (opts, ok, res) => {
    if (ok) opts?.success?.(res);
    else opts?.fail?.(res);
    opts?.complete?.(res);
  };
  // The three-state model: returns true when the scope ends up granted.
  const decide = (key) => {
    const s = sim.state[key];
    if (s === "granted") return true;
    if (s === "denied") return false;
    sim.prompts++;
    sim.state[key] = sim.answer === "accept" ? "granted" : "denied";
    return sim.answer === "accept";
  };
  const settings = (exclude = []) => {
    const authSetting = {};
    for (const [k, v] of Object.entries(sim.state)) if (!exclude.includes(k)) authSetting[k] = v === "granted";
    return authSetting;
  };
  const api = {};
  const record = (name, fn) => {
    api[name] = (opts) => {
      sim.calls.push(name);
      if (sync) fn(opts);
      else setImmediate(() => fn(opts)); // hosts answer asynchronously
    };
  };
  if (id === "alipay") {
    // No my.authorize (ap-typings).
    const ALIPAY_AUTH_CODE_SCOPES = alipayAuthCodeScopes();
    record("getAuthCode", (opts) => {
      const scopes = [].concat(opts.scopes ?? "auth_base");
      if (scopes.some((s) => !ALIPAY_AUTH_CODE_SCOPES.includes(s))) return callback(opts, false, { error: 3, errorMessage: "未找到授权结果" });
      // auth_base is silent; getAuthCode keeps no memory of a refusal, so it asks again.
      const silent = scopes.every((s) => s === "auth_base" || sim.state[s] === "granted");
      if (!silent) {
        sim.prompts++;
        if (sim.answer !== "accept") return callback(opts, false, { error: 11, errorMessage: "用户取消授权" });
        for (const s of scopes) sim.state[s] = "granted";
      }
      callback(opts, true, { authCode: "code-123", authSuccessScopes: scopes, authErrorScopes: {} });
    });
    for (const [method, key] of Object.entries(alipayDeviceAPIs())) {
      record(method, (opts) => {
        const before = sim.state[key];
        if (decide(key)) return callback(opts, true, {});
        callback(opts, false, { error: before === "denied" ? 2002 : 2001, errorMessage: "用户拒绝给小程序授权" });
      });
    }
    // getAuthCode grants never appear in getSetting (ap-getsetting).
    record("getSetting", (opts) => callback(opts, true, { authSetting: settings(ALIPAY_AUTH_CODE_SCOPES) }));
    record("openSetting", (opts) => callback(opts, true, { authSetting: settings(ALIPAY_AUTH_CODE_SCOPES) }));
  } else {
    const known = nativeScopes(id);
    const gate = hasPrivacyGate(id) && privacy !== "absent" && PRIVACY_FAILURES[id];
    record("authorize", (opts) => {
      if (!known.includes(opts.scope)) return callback(opts, false, UNKNOWN_SCOPE[id]?.() ?? { errMsg: "authorize:fail invalid scope" });
      // The gate refuses before any prompt and records nothing.
      if (gate && gated(opts.scope) && undeclared.includes(opts.scope)) return callback(opts, false, gate.notDeclared("authorize"));
      if (gate && gated(opts.scope) && sim.privacy === "required") return callback(opts, false, gate.notAgreed("authorize"));
      if (decide(opts.scope)) return callback(opts, true, { errMsg: "authorize:ok" });
      callback(opts, false, DENIALS[id]("authorize", opts.scope));
    });
    record("getSetting", (opts) => callback(opts, true, { errMsg: "getSetting:ok", authSetting: settings() }));
    record("openSetting", (opts) => callback(opts, true, { errMsg: "openSetting:ok", authSetting: settings() }));
    if (PRIVACY_STATUS_HOSTS.includes(id) && privacy !== "absent") {
      record("getPrivacySetting", (opts) => callback(opts, true, { needAuthorization: sim.privacy === "required" }));
    }
    if (gate) {
      record("getPrivacySetting", (opts) => callback(opts, true, { errMsg: "getPrivacySetting:ok", needAuthorization: sim.privacy === "required", privacyContractName: "《示例小程序隐私保护指引》" }));
      record("requirePrivacyAuthorize", (opts) => {
        if (sim.privacy === "agreed") return callback(opts, true, { errMsg: "requirePrivacyAuthorize:ok" });
        sim.privacyPrompts++;
        if (privacyAnswer === "agree") {
          sim.privacy = "agreed";
          return callback(opts, true, { errMsg: "requirePrivacyAuthorize:ok" });
        }
        callback(opts, false, (gate.disagreed ?? gate.notAgreed)("requirePrivacyAuthorize"));
      });
      api.onNeedPrivacyAuthorization = (listener) => { sim.calls.push("onNeedPrivacyAuthorization"); sim.privacyListener = listener; };
    }
  }
  sim.api = api;
  return sim;
}

/** Installs hosts' globals for the duration of fn; restores afterwards. */
export async function withGlobals(globals, fn) {
  const saved = {};
  for (const [name, value] of Object.entries(globals)) {
    saved[name] = Object.getOwnPropertyDescriptor(globalThis, name);
    globalThis[name] = value;
  }
  try {
    return await fn();
  } finally {
    for (const name of Object.keys(globals)) {
      if (saved[name]) Object.defineProperty(globalThis, name, saved[name]);
      else delete globalThis[name];
    }
  }
}

/** Runs fn with one simulated host installed under its global. */
export function onHost(sim, fn) {
  return withGlobals({ [GLOBALS[sim.id]]: sim.api }, fn);
}
