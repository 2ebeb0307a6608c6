// @expect TS2322
// Xiaohongshu's authorize lists no recording scope: the xiaohongshu entry refuses it.
import { authorize } from "@scopegen/authorize/xiaohongshu";
authorize({ scope: "scope.record" });
