/** Marsad's per-user data folder: $MARSAD_HOME, default ~/.marsad (imported gazetteers live there). */
import { homedir } from "node:os";
import { join } from "node:path";

export const marsadHome = (): string => process.env.MARSAD_HOME || join(homedir(), ".marsad");
export const importedGazetteerDir = (): string => join(marsadHome(), "gazetteer");
