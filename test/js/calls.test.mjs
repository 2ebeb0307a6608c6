// Native calls per authorize, on every simulated host, for every scope
// @uni/apis's authorize does the same job for (calls.mjs), in each state
// (never answered, granted, denied), on every entry that drives the host:
// ours makes no more native calls than @uni/apis makes under the same
// simulated host, and 10 concurrent callers cost the calls of one. What
// each host needs comes from the manifest (facts.mjs): where its
// authorize settles a recorded answer itself, authorize alone answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { compare, comparedScopes, simulatedHosts, STATES } from "./calls.mjs";
import { entriesFor, tableOf } from "./load.mjs";

const { compared, unsupported } = await simulatedHosts();
test("the compared hosts are every simulated host with a scope @uni/apis authorizes", () => {
  assert.deepEqual(compared.sort(), ["alipay", "baidu", "bytedance", "kuaishou", "wechat"]);
  // @uni/apis 1.1.13 refuses authorize on these hosts before any native call.
  assert.deepEqual(unsupported.sort(), ["harmony", "xiaohongshu"]);
});

for (const id of compared) {
  const entries = await entriesFor(id);
  const { answersRecorded, scopes } = tableOf(id);
  for (const scope of comparedScopes(id)) {
    const { grant } = scopes[scope];
    for (const state of STATES) {
      test(`${id} ${scope} ${state}: native calls ≤ @uni/apis; 10 callers cost one's`, async () => {
        for (const { kind, entry } of entries) {
          const one = await compare(id, entry, scope, state);
          assert.ok(one.ours.calls <= one.theirs.calls, `${kind}: ours ${one.ours.names} against @uni/apis ${one.theirs.names}`);
          // One call, the host's own, where the host's API needs only that one.
          if (grant === "authCode") assert.deepEqual(one.ours.names, ["getAuthCode"], kind);
          if (grant === "authorize" && answersRecorded) assert.deepEqual(one.ours.names, ["authorize"], kind);
          if (grant === "authorize" && !answersRecorded) assert.equal(one.ours.names[0], "getSetting", `${kind}: no source says this host's authorize settles a recorded answer`);
          // The same user-visible result: no prompt for a recorded answer, a
          // refusal is AUTH_DENIED (getAuthCode keeps no memory of a refusal).
          assert.equal(one.ours.prompts, one.theirs.prompts, `${kind}: prompts`);
          if (grant === "authorize") {
            assert.equal(one.ours.prompts, state === "never-answered" ? 1 : 0, `${kind}: prompts`);
            assert.deepEqual(one.ours.outcomes, [state === "denied" ? "AUTH_DENIED" : "ok"], kind);
          }

          const ten = await compare(id, entry, scope, state, 10);
          assert.equal(ten.ours.calls, one.ours.calls, `${kind}: 10 concurrent callers share one flow`);
          assert.equal(ten.ours.prompts, one.ours.prompts, `${kind}: one prompt at most`);
          assert.deepEqual(ten.ours.outcomes, Array(10).fill(one.ours.outcomes[0]), `${kind}: every caller gets the one result`);
          assert.equal(ten.theirs.calls, 10 * one.theirs.calls, `${kind}: @uni/apis calls the host once per caller`);
        }
      });
    }
  }
}
