// @expect TS2322
// onNeedPrivacy's resolve takes exposureAuthorization, agree (with buttonId) or disagree only.
import { onNeedPrivacy } from "@scopegen/authorize";
onNeedPrivacy((resolve) => resolve({ event: "accept" }));
