// The floor of the generated runtime, piece by piece: for each
// promised behaviour, a throw-away copy of the package with that behaviour
// cut out of the emitted files, and the gzip bytes the cut saves in each
// host's `authorize` bundle (and, for the table only the whole entry pulls,
// in the whole entry). A cut that finds nothing to cut in a host's files
// prints "—" (the host has no such piece). Then what each host entry's
// `authorize` adds to a bundle of them all, next to the universal entry's.
// Used by `node scripts/size-bench.mjs --pieces`.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// The hosts: the package's own subpaths (./<id>), so a host added to the
// manifest is measured with no edit here.
const hostsOf = (pkgDir) => Object.keys(JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")).exports)
  .filter((k) => k.startsWith("./") && k !== "./package.json" && k !== "./testing").map((k) => k.slice(2));

// Each cut: the file ("host" is the host's own runtime), and the text
// replaced in it (a RegExp, or a string replaced once).
const PIECES = [
  { name: "privacy classifier (codes and messages)", cuts: [["host", "privacyFailure(e) || ", ""]] },
  { name: "`privacy: \"require\"` step", cuts: [["host", /\n  if \(privacy === "require"[^\n]*/, ""]] },
  { name: "callbacks (success/fail/complete)", cuts: [["core", /\)\.then\(\n    \(res\) =>[\s\S]*?done\.catch\(\(\) => \{\}\);/, ");"]] },
  { name: "unknown versus unsupported (`OTHERS`)", cuts: [["host", / && !OTHERS\.includes\(scope\)/g, ""]] },
  { name: "joining concurrent calls", cuts: [["core", /const joined = [\s\S]*?\n};/, "const joined = (key, start) => start();"]] },
  { name: "defensive option reads", cuts: [["core", /field\(options, "(\w+)"\)/g, "options.$1"]] },
  { name: "error fields (errCode, scope, platform, nativeError)", cuts: [["core", "Object.assign(Error(errMsg), { errCode, errMsg, scope, platform, nativeError })", "Error(errMsg)"]] },
  { name: "getSetting before the prompt", cuts: [["host", /\n    const (key|granted) = [^\n]*\n(    const granted = [^\n]*\n)?    if \(granted === true\) return ok;\n    if \(granted === false\)[^\n]*/, ""]] },
  { name: "denial test", cuts: [["host", /(throw failure\((?:privacyFailure\(e\) \|\| \()?)[^\n]*? \? "AUTH_DENIED" : "NATIVE_ERROR"/, '$1"NATIVE_ERROR"']] },
  { name: "settings page / button", cuts: [["host", /\n    if \((SETTINGS_ONLY|BUTTON)\.includes\(scope\)\)[^\n]*/g, ""]] },
  { name: "getAuthCode result in universal names", cuts: [["host", "authCodeResult(ok, ", "(ok, "]] },
  { name: "the APIS table (scopeForApi; whole entry only)", whole: true, cuts: [["shared", /var APIS = \{[\s\S]*?\};/, "var APIS = {};"]] },
];

const distFile = (dir, name) => path.join(dir, "dist", name + ".mjs");
const authorizeOf = (file) => `import { authorize } from ${JSON.stringify(file)}; authorize({ scope: "scope.camera" });`;
const wholeOf = (file) => `export * from ${JSON.stringify(file)};`;

// Applies piece's cuts for host to a fresh copy; false when no cut matched.
function cutCopy(pkgDir, copy, piece, host) {
  rmSync(copy, { recursive: true, force: true });
  cpSync(pkgDir, copy, { recursive: true });
  let cut = false;
  for (const [where, find, replace] of piece.cuts) {
    const file = distFile(copy, where == "host" ? host : where);
    const text = readFileSync(file, "utf8");
    const next = text.replace(find, replace);
    cut = cut || next != text;
    writeFileSync(file, next);
  }
  return cut;
}

export async function printPieces(pkgDir, size) {
  const tmp = mkdtempSync(path.join(tmpdir(), "size-pieces-"));
  const copy = path.join(tmp, "npm");
  const HOSTS = hostsOf(pkgDir);
  const base = {};
  for (const host of HOSTS) {
    base[host] = { authorize: (await size(authorizeOf(distFile(pkgDir, host)))).gz, whole: (await size(wholeOf(distFile(pkgDir, host)))).gz };
  }
  console.log(`| piece (gzip bytes saved by cutting it) | ${HOSTS.join(" | ")} |`);
  console.log(`| --- |${HOSTS.map(() => " ---: |").join("")}`);
  console.log(`| **today: authorize / whole entry** | ${HOSTS.map((h) => `${base[h].authorize} / ${base[h].whole}`).join(" | ")} |`);
  for (const piece of PIECES) {
    const cells = [];
    for (const host of HOSTS) {
      if (!cutCopy(pkgDir, copy, piece, host)) { cells.push("—"); continue; }
      const file = distFile(copy, host);
      cells.push(piece.whole
        ? String(base[host].whole - (await size(wholeOf(file))).gz)
        : String(base[host].authorize - (await size(authorizeOf(file))).gz));
    }
    console.log(`| ${piece.name} | ${cells.join(" | ")} |`);
  }
  // Every host entry's authorize, in detection order (the universal
  // entry's host tables), bundled together, next to the universal entry's
  // authorize: one flow over those tables.
  const index = readFileSync(distFile(pkgDir, "index"), "utf8");
  const order = [...index.matchAll(/^    platform: "(\w+)",$/gm)].map((m) => m[1]);
  console.log(`\n| host entries' \`authorize\` bundled together | gzip bytes | added |`);
  console.log(`| --- | ---: | ---: |`);
  let previous = 0;
  for (let n = 1; n <= order.length; n++) {
    const hosts = order.slice(0, n);
    const imports = hosts.map((h) => `import { authorize as ${h} } from ${JSON.stringify(distFile(pkgDir, h))};`).join("");
    const bytes = (await size(`${imports} globalThis.hosts = [${hosts.join(", ")}];`)).gz;
    console.log(`| ${hosts.join(" + ")} | ${bytes} | ${bytes - previous} |`);
    previous = bytes;
  }
  const universal = (await size(authorizeOf(distFile(pkgDir, "index")))).gz;
  console.log(`| the universal entry's \`authorize\` (one flow over every host's table) | ${universal} | ${universal - previous} |`);
  // What the universal entry's authorize saves without one host's table,
  // without the privacy failures, and without both the web and those.
  const dropHost = (id) => [new RegExp(`  \\{\\n    platform: "${id}",[\\s\\S]*?\\n  \\}(,\\n|\\n)`), ""];
  const dropPrivacy = [/\n    privacy: \[[^\n]*\],/g, ""];
  const cuts = [
    ...order.map((id) => [`${id}'s table`, [dropHost(id)]]),
    ["the privacy failures", [dropPrivacy]],
    ["the web's table and the privacy failures", [dropHost("web"), dropPrivacy]],
  ];
  console.log(`\n| universal \`authorize\` without | gzip bytes | saved |`);
  console.log(`| --- | ---: | ---: |`);
  for (const [name, edits] of cuts) {
    const piece = { cuts: edits.map(([find, replace]) => ["index", find, replace]) };
    if (!cutCopy(pkgDir, copy, piece, "index")) { console.log(`| ${name} | — | — |`); continue; }
    const bytes = (await size(authorizeOf(distFile(copy, "index")))).gz;
    console.log(`| ${name} | ${bytes} | ${universal - bytes} |`);
  }
  rmSync(tmp, { recursive: true, force: true });
}
