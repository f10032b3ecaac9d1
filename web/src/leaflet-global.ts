/**
 * Leaflet as the global `L`: leaflet.markercluster extends the global object, and the ES build of
 * Leaflet does not set it. Imported before the plugin.
 */
import L from "leaflet";

(globalThis as unknown as { L: typeof L }).L = L;

export default L;
