// Native-call benchmark of the generated npm runtime: for each simulated
// host (test/js/simhost.mjs) and each recorded answer (never answered,
// granted, denied), the native calls one authorize makes, and 10 concurrent
// callers of the same scope, ours (the host's own entry) against
// @uni/apis's authorize bundled for the same host (test/js/calls.mjs).
// Prints a Markdown table. The scope per host is scope.camera where the
// host grants it through authorize, else scope.userInfo (Alipay: getAuthCode).
// Usage: node scripts/calls-bench.mjs (SCOPEGEN_NPM: another build)
import { compare, comparedHosts, comparedScopes, STATES } from "../test/js/calls.mjs";
import { importEntry, tableOf } from "../test/js/load.mjs";

console.log("| host | scope (mechanism) | state | ours: calls | @uni/apis: calls | ours ×10 callers | @uni/apis ×10 callers | prompts (both) |");
console.log("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |");
for (const id of await comparedHosts()) {
  const entry = await importEntry(id);
  const scopes = comparedScopes(id);
  const scope = ["scope.camera", "scope.userInfo"].find((s) => scopes.includes(s)) ?? scopes[0];
  const grant = tableOf(id).scopes[scope].grant;
  for (const state of STATES) {
    const one = await compare(id, entry, scope, state);
    const ten = await compare(id, entry, scope, state, 10);
    const prompts = one.ours.prompts === one.theirs.prompts ? `${one.ours.prompts}` : `${one.ours.prompts} / ${one.theirs.prompts}`;
    console.log(`| ${id} | ${scope} (${grant}) | ${state} | ${one.ours.calls} (${one.ours.names.join(", ")}) | ${one.theirs.calls} (${one.theirs.names.join(", ")}) | ${ten.ours.calls} | ${ten.theirs.calls} | ${prompts} |`);
  }
}
