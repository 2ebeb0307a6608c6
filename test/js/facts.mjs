// What each host must do, read from the manifest itself (manifest.yaml, or
// $SCOPEGEN_MANIFEST for a package generated from another one) with a YAML
// parser of its own: the suites' expectations do not come from the emitter
// under test. facts.test.mjs checks that the package's tables.json says the
// same. The shape is tables.json's: { platforms: [{ id, global, denial,
// answersRecorded, scopes: { scope: { grant, native, settingKey, probe, gated } }, privacy }] }.
// answersRecorded: the host's authorize settles a recorded answer without
// prompting (manifest platforms.<id>.authorize.answersRecorded).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const manifestPath = path.resolve(root, process.env.SCOPEGEN_MANIFEST ?? "manifest.yaml");

// The privacy outcomes in classification order, and the errCode of each
// (docs/privacy.md).
const OUTCOMES = { notAgreed: "PRIVACY_NOT_AGREED", notDeclared: "PRIVACY_NOT_DECLARED", banned: "PRIVACY_BANNED" };

const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const sortedCodes = (codes) => [...(codes ?? [])].sort((a, b) => a - b);

/** The manifest's hosts, by id, each with its scopes by name. */
export function readFacts(file = manifestPath) {
  const m = yaml.load(readFileSync(file, "utf8"));
  const platforms = Object.keys(m.platforms ?? {}).sort(byName).map((id) => {
    const p = m.platforms[id];
    const denial = p.denial ?? {};
    const scopes = {};
    for (const name of Object.keys(m.scopes ?? {}).sort(byName)) {
      const s = m.scopes[name].platforms?.[id];
      if (!s) continue;
      scopes[name] = { grant: s.grant, native: s.native, settingKey: s.settingKey ?? "", probe: s.probe ?? "", gated: s.privacy?.gated === true };
    }
    let privacy = null;
    if (p.privacy) {
      const failures = p.privacy.failures ?? {};
      privacy = {
        apis: p.privacy.apis ?? [],
        codeField: p.privacy.codeField ?? "",
        failures: Object.keys(OUTCOMES).filter((o) => failures[o]).map((o) => ({ outcome: o, errCode: OUTCOMES[o], message: failures[o].message ?? "", codes: sortedCodes(failures[o].codes) })),
      };
    }
    return { id, global: p.global, denial: { codeField: denial.codeField ?? "", codes: sortedCodes(denial.codes), message: denial.message ?? "" }, answersRecorded: p.authorize?.answersRecorded === true, scopes, privacy };
  });
  return { platforms };
}

/**
 * Each host's operating-system layer as the manifest gives it (platforms.<id>.system
 * and scopes.<name>.platforms.<id>.system), by host id; hosts without one are absent:
 * { switches, services, open, needs: { scope: { switch, service } } } ("" for none).
 */
export function readSystem(file = manifestPath) {
  const m = yaml.load(readFileSync(file, "utf8"));
  const out = {};
  for (const id of Object.keys(m.platforms ?? {}).sort(byName)) {
    const s = m.platforms[id].system;
    if (!s) continue;
    const needs = {};
    for (const name of Object.keys(m.scopes ?? {}).sort(byName)) {
      const n = m.scopes[name].platforms?.[id]?.system;
      if (n) needs[name] = { switch: (s.switches && n.switch) || "", service: (s.services && n.service) || "" };
    }
    out[id] = { switches: s.switches ?? "", services: s.services ?? "", open: s.open ?? "", needs };
  }
  return out;
}
