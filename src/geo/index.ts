/** The geo stage: every place and facility entity geocoded against the gazetteer. Public face of src/geo. */
import type { MarsadDocument } from "../document.js";
import { workEntities } from "../entities/index.js";
import type { Stage } from "../pipeline.js";
import { geocode } from "./geocode.js";
import type { Gazetteer } from "./gazetteer.js";

export { Gazetteer, km, type GazPlace, type PlaceName } from "./gazetteer.js";

export interface GeoResources {
  gazetteer: Gazetteer;
}

export const geoStage: Stage<GeoResources> = {
  name: "geo",
  requires: ["entities"],
  provides: ["places"],
  run(doc: MarsadDocument, { gazetteer }: GeoResources): void {
    doc.places = geocode(workEntities(doc), gazetteer, doc.tokens);
  },
};
