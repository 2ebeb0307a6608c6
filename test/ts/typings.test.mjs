// TypeScript checks of the generated typings and of the runtime's native
// calls, with the TypeScript compiler API (the pinned devDependency):
//   - test/ts/ok/*.ts must compile under --strict;
//   - each test/ts/fail/*.ts must fail with the code its "// @expect TSnnnn" names;
//   - for each host with official typings, the native calls the runtime
//     makes for the generated table (authorize, getAuthCode, probes,
//     getSetting, openSetting, with the runtime's argument shapes) and the
//     fields it reads (denial code field, errMsg/errorMessage, authSetting,
//     getAuthCode results) are written out as TypeScript and checked
//     against those typings, so a name or shape they reject fails here.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { hostIds, pkg, pkgDir, rowOf, tableOf } from "../js/load.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const types = path.join(pkgDir, "types");

const base = {
  strict: true, noEmit: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler, types: [], lib: ["lib.es2020.d.ts"],
  paths: { "@scopegen/authorize": [path.join(types, "index.d.ts")], "@scopegen/authorize/*": [path.join(types, "*.d.ts")] },
};

function diagnostics(files, options = {}) {
  const program = ts.createProgram(files, { ...base, ...options });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.relative(root, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : "";
    return { code: d.code, text: `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}` };
  });
}

const typings = readdirSync(types).map((f) => path.join(types, f));

test("the typings compile under --strict", () => {
  assert.deepEqual(diagnostics(typings).map((d) => d.text), []);
});

// The fixtures name manifest.yaml's scopes and hosts.
test("the consumer program compiles under --strict", () => {
  const files = [...typings, ...readdirSync(path.join(here, "ok")).map((f) => path.join(here, "ok", f))];
  assert.deepEqual(diagnostics(files).map((d) => d.text), []);
});

for (const name of readdirSync(path.join(here, "fail"))) {
  const file = path.join(here, "fail", name);
  const expect = /^\/\/ @expect (TS\d+)/.exec(readFileSync(file, "utf8"));
  test(`fail/${name} fails with ${expect?.[1]}`, () => {
    assert.ok(expect, "first line must be // @expect TSnnnn");
    const found = diagnostics([file]);
    assert.ok(found.length > 0, "compiled, but must not");
    assert.deepEqual(found.map((d) => `TS${d.code}`), [expect[1]], found.map((d) => d.text).join("\n"));
  });
}

// The official typings per host (the npm packages pinned in package.json) and how a program loads them.
const OFFICIAL = {
  wechat: { global: "wx", load: `/// <reference path=${JSON.stringify(path.join(root, "node_modules/miniprogram-api-typings/index.d.ts"))} />`, options: {} },
  // @mini-types/global has errors of its own: it needs skipLibCheck.
  alipay: { global: "my", load: `/// <reference path=${JSON.stringify(path.join(root, "node_modules/@mini-types/alipay/types/index.d.ts"))} />`, options: { skipLibCheck: true } },
  bytedance: { global: "tt", load: `import ${JSON.stringify(path.join(root, "node_modules/@douyin-microapp/typings"))};`, options: {} },
};

function adapterSource(id, host) {
  const { global: g, load } = OFFICIAL[id];
  const lines = [load, "export {};",
    "// What the emitted runtime's call() passes: {...args, success, fail}.",
    "declare function success(res: unknown): void;",
    "declare function fail(err: unknown): void;",
    "type Opt<F extends (...a: any) => any> = NonNullable<Parameters<F>[0]>;",
    'type FailOf<F extends (...a: any) => any> = Parameters<NonNullable<Opt<F>["fail"]>>[0];',
    'type SuccessOf<F extends (...a: any) => any> = Parameters<NonNullable<Opt<F>["success"]>>[0];',
  ];
  const used = new Set(["getSetting", "openSetting"]);
  for (const scope of Object.keys(host.scopes)) {
    const row = rowOf(id, scope);
    if (row.grant === "authorize") { lines.push(`${g}.authorize({ scope: ${JSON.stringify(row.native)}, success, fail });`); used.add("authorize"); }
    if (row.grant === "authCode") { lines.push(`${g}.getAuthCode({ scopes: [${JSON.stringify(row.native)}], success, fail });`); used.add("getAuthCode"); }
    if (row.probe) { lines.push(`${g}.${row.probe}({ success, fail });`); used.add(row.probe); }
  }
  lines.push(`${g}.getSetting({ success, fail });`, `${g}.openSetting({ success, fail });`);
  lines.push(`declare const setting: SuccessOf<typeof ${g}.getSetting>;`, "void setting.authSetting;");
  if (used.has("getAuthCode")) {
    lines.push(`declare const code: SuccessOf<typeof ${g}.getAuthCode>;`, "void [code.authCode, code.authSuccessScopes, code.authErrorScopes];");
  }
  // The privacy calls, where the official typings have them.
  const privacy = host.privacy;
  if (privacy && id === "wechat") {
    if (privacy.apis.includes("getPrivacySetting")) {
      lines.push(`${g}.getPrivacySetting({ success, fail });`, `declare const privacySetting: SuccessOf<typeof ${g}.getPrivacySetting>;`,
        "const needs: boolean = privacySetting.needAuthorization;", "const contract: string = privacySetting.privacyContractName;", "void [needs, contract];");
      used.add("getPrivacySetting");
    }
    if (privacy.apis.includes("requirePrivacyAuthorize")) { lines.push(`${g}.requirePrivacyAuthorize({ success, fail });`); used.add("requirePrivacyAuthorize"); }
    // The listener is the app's, passed through; only the method is checked (its official listener type is wrong).
    if (privacy.apis.includes("onNeedPrivacyAuthorization")) lines.push(`void ${g}.onNeedPrivacyAuthorization;`);
    // privacy.codeField (errno) is not checked: miniprogram-api-typings 5.2.3 does not declare errno on
    // fail results (GeneralCallbackResult), though the host sends it; the runtime reads it defensively.
  }
  // The fields isDenial() reads, on the failure of every method the runtime calls.
  const { codeField: field, message } = host.denial;
  for (const m of used) {
    lines.push(`declare const fail_${m}: FailOf<typeof ${g}.${m}>;`);
    if (field) lines.push(`void fail_${m}[${JSON.stringify(field)}];`);
    if (message) lines.push(`void fail_${m}.${id === "alipay" ? "errorMessage" : "errMsg"};`);
  }
  return lines.join("\n") + "\n";
}

const dir = mkdtempSync(path.join(tmpdir(), "scopegen-adapters-"));
after(() => rmSync(dir, { recursive: true, force: true }));
for (const id of Object.keys(OFFICIAL)) {
  test(`${id}: the runtime's native calls type-check against the official typings`, async (t) => {
    if (!hostIds.includes(id)) return t.skip(`no ${id} entry in this package`);
    const host = tableOf(id);
    const file = path.join(dir, `${id}.ts`);
    writeFileSync(file, adapterSource(id, host));
    assert.deepEqual(diagnostics([file], OFFICIAL[id].options).map((d) => d.text), [], readFileSync(file, "utf8"));
  });
}

// TypeScript under node16 resolves the package through its exports map and
// types each entry in the format of the module it loads: .d.mts for import,
// .d.ts (beside the CommonJS .js) for require. A default import must be the authorize function in
// ES modules, and require() must see `default` and the named exports.
test("node16 resolution: ES module and CommonJS consumers through package.json exports", () => {
  const consumer = mkdtempSync(path.join(tmpdir(), "scopegen-node16-"));
  try {
    const link = path.join(consumer, "node_modules", ...pkg.name.split("/"));
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(pkgDir, link, "dir");
    const host = hostIds[0];
    writeFileSync(path.join(consumer, "esm.mts"), [
      `import authorize, { scopes, platform } from ${JSON.stringify(pkg.name)};`,
      `import hostAuthorize, { platform as hostPlatform, scopes as hostScopes } from ${JSON.stringify(`${pkg.name}/${host}`)};`,
      "void authorize({ scope: scopes[0] }).then((r) => r.platform);",
      "void hostAuthorize({ scope: hostScopes[0] });",
      `const id: ${JSON.stringify(host)} = hostPlatform;`,
      "void [id, platform];",
    ].join("\n"));
    writeFileSync(path.join(consumer, "cjs.cts"), [
      `import universal = require(${JSON.stringify(pkg.name)});`,
      `import hostEntry = require(${JSON.stringify(`${pkg.name}/${host}`)});`,
      "void universal.default({ scope: universal.scopes[0] });",
      "void hostEntry.authorize({ scope: hostEntry.scopes[0] });",
      `const id: ${JSON.stringify(host)} = hostEntry.platform;`,
      "void id;",
    ].join("\n"));
    const found = diagnostics([path.join(consumer, "esm.mts"), path.join(consumer, "cjs.cts")], {
      module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, paths: undefined,
    });
    assert.deepEqual(found.map((d) => d.text), []);
  } finally {
    rmSync(consumer, { recursive: true, force: true });
  }
});

// TypeScript's node10 resolution ignores exports: typesVersions maps each
// host subpath to its typings (the universal entry is "types").
test("node10 resolution: host subpaths through typesVersions, the root through types", () => {
  const consumer = mkdtempSync(path.join(tmpdir(), "scopegen-node10-"));
  try {
    const link = path.join(consumer, "node_modules", ...pkg.name.split("/"));
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(pkgDir, link, "dir");
    const lines = [`import { scopes, authorize } from ${JSON.stringify(pkg.name)};`, "void authorize({ scope: scopes[0] });"];
    for (const host of hostIds) {
      const name = `${host}Entry`;
      lines.push(
        `import * as ${name} from ${JSON.stringify(`${pkg.name}/${host}`)};`,
        `const ${host}Id: ${JSON.stringify(host)} = ${name}.platform;`,
        `void ${name}.authorize({ scope: ${name}.scopes[0] });`,
        `void ${host}Id;`,
      );
    }
    writeFileSync(path.join(consumer, "consumer.ts"), lines.join("\n"));
    const found = diagnostics([path.join(consumer, "consumer.ts")], {
      module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, paths: undefined,
    });
    assert.deepEqual(found.map((d) => d.text), []);
  } finally {
    rmSync(consumer, { recursive: true, force: true });
  }
});
