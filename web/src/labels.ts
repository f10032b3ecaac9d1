/**
 * Place names on the basemap, offline: labels.json is derived at build time from Marsad's gazetteer
 * (web/build/labels.ts). The labels in view whose rank suits the zoom are drawn as plain text markers in
 * a pane under the events; they do not take clicks or focus. Names follow the interface's language.
 */
import L from "./leaflet-global.js";
import { currentLang } from "./i18n.js";

type Label = [string, string, number, number, number];

/** The highest rank shown at each zoom (index: zoom level, capped at the last). */
const RANK_AT_ZOOM = [0, 0, 0, 0, 0, 1, 2, 3, 3, 4, 5];
/** At most this many labels on screen, the most important first. */
const MAX_LABELS = 250;
/** A label's box on screen, estimated: this many pixels a letter, and its height; labels whose boxes meet are left out. */
const PX_PER_CHAR = 6.5;
const LABEL_HEIGHT = 16;

export class LabelLayer {
  private labels: Label[] = [];
  private readonly layer = L.layerGroup();

  constructor(private readonly map: L.Map) {
    map.createPane("labels");
    map.getPane("labels")!.style.zIndex = "450";
    map.getPane("labels")!.style.pointerEvents = "none";
    map.getPane("labels")!.setAttribute("aria-hidden", "true");
    this.layer.addTo(map);
    map.on("moveend", () => this.draw());
  }

  async load(url = "./labels.json"): Promise<void> {
    const res = await fetch(url);
    if (!res.ok) return;
    this.labels = (await res.json()) as Label[];
    this.draw();
    document.body.dataset.labels = String(this.labels.length);
  }

  draw(): void {
    this.layer.clearLayers();
    const zoom = Math.round(this.map.getZoom());
    const maxRank = RANK_AT_ZOOM[Math.min(zoom, RANK_AT_ZOOM.length - 1)];
    const view = this.map.getBounds();
    const en = currentLang() === "en";
    const placed: Array<[number, number, number, number]> = [];
    for (const [ar, english, lat, lon, rank] of this.labels) {
      if (rank > maxRank || !view.contains([lat, lon])) continue;
      // the most important labels come first; a later one that would overlap them is left out
      const p = this.map.latLngToContainerPoint([lat, lon]);
      const half = ((en ? english : ar).length * PX_PER_CHAR) / 2;
      const box: [number, number, number, number] = [p.x - half, p.y - LABEL_HEIGHT / 2, p.x + half, p.y + LABEL_HEIGHT / 2];
      if (placed.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
      placed.push(box);
      const el = document.createElement("span");
      el.textContent = en ? english : ar;
      const icon = L.divIcon({ className: `place-label r${rank}`, html: el, iconSize: undefined });
      L.marker([lat, lon], { icon, interactive: false, keyboard: false, pane: "labels" }).addTo(this.layer);
      if (placed.length >= MAX_LABELS) break;
    }
  }
}
