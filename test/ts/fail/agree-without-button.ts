// @expect TS2345
// "agree" needs the id of the agreePrivacyAuthorization button the user tapped.
import { onNeedPrivacy } from "@scopegen/authorize";
onNeedPrivacy((resolve) => resolve({ event: "agree" }));
