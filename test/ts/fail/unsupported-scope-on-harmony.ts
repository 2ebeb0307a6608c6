// @expect TS2322
// HarmonyOS atomic services list no album scope: the harmony entry refuses it.
import { authorize } from "@scopegen/authorize/harmony";
authorize({ scope: "scope.writePhotosAlbum" });
