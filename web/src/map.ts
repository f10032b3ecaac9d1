/**
 * The map: country outlines shipped with the app (Natural Earth via world-atlas, so the map works with
 * no network), optional tiles, events clustered on a pixel grid and coloured by type, and the control
 * layer (places coloured by who holds them).
 */
import L from "leaflet";
import { textTip } from "./dom.js";
import "leaflet/dist/leaflet.css";
import type { ControlPlace, EventItem } from "./api.js";
import { nameIn, TYPE_LABELS, typeLabel } from "./i18n.js";

/** Markers closer than this many pixels gather into one cluster. */
const CLUSTER_PX = 36;

export class EventMap {
  readonly map: L.Map;
  private readonly events = L.layerGroup();
  private readonly control = L.layerGroup();
  private items: EventItem[] = [];
  private hasTiles = false;

  constructor(el: HTMLElement, tiles: string | null, private readonly onSelect: (id: number) => void) {
    this.map = L.map(el, { zoomControl: true, preferCanvas: false, attributionControl: true }).setView([30, 40], 4);
    if (tiles) this.setTiles(tiles);
    this.events.addTo(this.map);
    this.control.addTo(this.map);
    // clusters depend on the zoom only: a pan keeps the markers (and a click landing during one)
    this.map.on("zoomend", () => this.draw());
  }

  /**
   * Country outlines, loaded after the first markers are drawn (they are a separate chunk of the app,
   * shipped with it: no network needed). On a canvas, under the events.
   */
  async addOutlines(): Promise<void> {
    const [{ feature }, countries] = await Promise.all([import("topojson-client"), import("world-atlas/countries-110m.json")]);
    const topo = countries.default as unknown as Parameters<typeof feature>[0] & { objects: { countries: Parameters<typeof feature>[1] } };
    // (Leaflet passes `renderer` on to each shape, though its GeoJSON options type does not list it)
    const options: L.GeoJSONOptions & { renderer: L.Renderer } = {
      // filled when they are the only background; lines over tiles
      style: { color: "#7a8a99", weight: 0.8, fillColor: "#eef1f4", fillOpacity: this.hasTiles ? 0 : 1 },
      interactive: false,
      renderer: L.canvas({ padding: 0.5, pane: "overlayPane" }),
    };
    L.geoJSON(feature(topo, topo.objects.countries) as unknown as GeoJSON.FeatureCollection, options).addTo(this.map);
    document.body.dataset.outlines = "1";
  }

  /** Tiles under the outlines; without a network they just do not load, and the outlines remain. */
  setTiles(url: string): void {
    this.hasTiles = true;
    L.tileLayer(url, { maxZoom: 18, attribution: "© OpenStreetMap contributors" }).addTo(this.map).bringToBack();
  }

  show(items: EventItem[]): void {
    this.items = items.filter((e) => e.lat !== null && e.lon !== null);
    this.draw();
  }

  /** Clustering on a screen grid: the markers in one grid cell make one cluster (one pass). */
  private draw(): void {
    this.events.clearLayers();
    const cells = new Map<string, { items: EventItem[] }>();
    for (const e of this.items) {
      const p = this.map.latLngToLayerPoint([e.lat!, e.lon!]);
      const key = `${Math.floor(p.x / CLUSTER_PX)},${Math.floor(p.y / CLUSTER_PX)}`;
      const c = cells.get(key);
      if (c) c.items.push(e);
      else cells.set(key, { items: [e] });
    }
    const clusters = [...cells.values()];
    for (const c of clusters) {
      const first = c.items[0];
      const color = TYPE_LABELS[dominantType(c.items)]?.color ?? "#555";
      const at = L.latLng(first.lat!, first.lon!);
      if (c.items.length === 1) {
        const m = L.circleMarker(at, { radius: 7, color: "#fff", weight: 1.5, fillColor: color, fillOpacity: 0.9, className: "event-marker" });
        m.bindTooltip(textTip([typeLabel(first.type), nameIn(first.place, first.place_en), first.date].filter(Boolean).join(" — ")));
        m.on("click", () => this.onSelect(first.id));
        m.addTo(this.events);
      } else {
        const size = 24 + Math.min(24, Math.log2(c.items.length) * 4);
        const icon = L.divIcon({ className: "cluster", html: "", iconSize: [size, size] });
        const m = L.marker(at, { icon, keyboard: true, title: String(c.items.length) });
        m.on("add", () => {
          const el = m.getElement();
          if (el) {
            el.textContent = String(c.items.length);
            el.style.background = color;
          }
        });
        m.on("click", () => this.map.fitBounds(L.latLngBounds(c.items.map((e) => [e.lat!, e.lon!] as [number, number])).pad(0.3), { maxZoom: 12 }));
        m.addTo(this.events);
      }
    }
  }

  showControl(places: ControlPlace[], label: (holder: string | null) => string): void {
    this.control.clearLayers();
    const palette = ["#c0392b", "#2980b9", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#f39c12", "#2c3e50"];
    const colors = new Map<string, string>();
    for (const p of places) {
      if (p.lat === null || p.lon === null) continue;
      const holder = p.holderAt ?? null;
      if (holder && !colors.has(holder)) colors.set(holder, palette[colors.size % palette.length]);
      const color = holder ? colors.get(holder)! : "#bbb";
      L.circleMarker([p.lat, p.lon], { radius: 11, color, weight: 3, fill: false, className: "control-marker" }).bindTooltip(textTip(`${nameIn(p.place, p.place_en)}: ${label(holder && nameIn(holder, p.holderAt_en))}`)).addTo(this.control);
    }
  }

  clearControl(): void {
    this.control.clearLayers();
  }

  focus(lat: number | null, lon: number | null): void {
    if (lat !== null && lon !== null) this.map.setView([lat, lon], Math.max(this.map.getZoom(), 8));
  }
}

function dominantType(items: EventItem[]): string {
  const n = new Map<string, number>();
  for (const e of items) n.set(e.type, (n.get(e.type) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0][0];
}
