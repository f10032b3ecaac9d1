/**
 * The map: country outlines and place names shipped with the app (Natural Earth via world-atlas, and
 * labels from Marsad's gazetteer: labels.ts), so it works with no network; third-party tiles only when
 * asked; events clustered by leaflet.markercluster (a cluster at one spot spreads out when clicked at
 * full zoom), coloured by type, each marker reachable by Tab and opened by Enter; and the control layer
 * (places ringed in the colour of who holds them, with a legend).
 */
import L from "./leaflet-global.js";
import "leaflet.markercluster";
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import type { ControlPlace, EventItem } from "./api.js";
import { HOLDER_COLOURS, UNKNOWN_COLOUR } from "./colours.js";
import { h, textTip } from "./dom.js";
import { nameIn, t, TYPE_LABELS, typeLabel } from "./i18n.js";
import type { MapView } from "./state.js";

/** Deepest zoom: where a cluster that still holds several events spreads them out. */
const MAX_ZOOM = 14;
/** Share of the events left out at each side when the map first zooms to the data. */
const FIT_SHARE = 0.02;

export type MapPoint = Pick<EventItem, "id" | "type" | "lat" | "lon"> & Partial<EventItem>;

export class EventMap {
  readonly map: L.Map;
  private readonly events: L.MarkerClusterGroup;
  private readonly control = L.layerGroup();
  /** The control rings' drawing, no larger than the map (see addOutlines). */
  private readonly controlRenderer = L.svg({ padding: 0 });
  private legend: L.Control | null = null;
  private tiles: L.TileLayer | null = null;
  private readonly icons = new Map<string, L.DivIcon>();

  constructor(el: HTMLElement, private readonly onSelect: (id: number) => void) {
    this.map = L.map(el, { zoomControl: true, attributionControl: true, maxZoom: MAX_ZOOM, minZoom: 2, keyboard: true }).setView([26, 42], 4);
    this.events = L.markerClusterGroup({
      maxClusterRadius: 40,
      chunkedLoading: true,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      spiderLegPolylineOptions: { weight: 1.5, color: "#222", opacity: 0.6, className: "spider-leg" },
      iconCreateFunction: (c) => this.clusterIcon(c),
    });
    this.events.addTo(this.map);
    this.control.addTo(this.map);
    // the header and the timeline change height as they fill: the map must know its size
    new ResizeObserver(() => this.map.invalidateSize({ animate: false })).observe(el);
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
      style: { color: "#7a8a99", weight: 0.8, fillColor: "#eef1f4", fillOpacity: this.tiles ? 0 : 1 },
      interactive: false,
      // no padding: a canvas larger than the map (clipped) lies over the header and the timeline, and
      // axe-core can then not tell their background colours apart (contrast left unchecked)
      renderer: L.canvas({ padding: 0, pane: "overlayPane" }),
    };
    L.geoJSON(feature(topo, topo.objects.countries) as unknown as GeoJSON.FeatureCollection, options).addTo(this.map);
    document.body.dataset.outlines = "1";
  }

  /** Third-party tiles under the outlines (only when the reader turns them on); null removes them. */
  setTiles(url: string | null): void {
    this.tiles?.remove();
    this.tiles = url ? L.tileLayer(url, { maxZoom: MAX_ZOOM, attribution: "© OpenStreetMap contributors" }).addTo(this.map).bringToBack() : null;
  }

  show(items: MapPoint[]): void {
    this.events.clearLayers();
    const markers: L.Marker[] = [];
    for (const e of items) {
      if (e.lat === null || e.lon === null) continue;
      const tip = [typeLabel(e.type), nameIn(e.place ?? null, e.place_en), e.date].filter(Boolean).join(" — ");
      const m = L.marker([e.lat, e.lon], { icon: this.icon(e.type), title: tip, keyboard: true, type: e.type } as L.MarkerOptions);
      if (e.place) m.bindTooltip(textTip(tip));
      m.on("click", () => this.onSelect(e.id));
      // Leaflet sends Enter on a focused marker as a keypress, not a click
      m.on("keypress", (k) => (k as L.LeafletKeyboardEvent).originalEvent.key === "Enter" && this.onSelect(e.id));
      markers.push(m);
    }
    this.events.addLayers(markers);
  }

  /**
   * Zooms to where most of `items` are (the first time the data comes, with no view in the address): the
   * 2nd to 98th percentile of latitudes and longitudes, so that a few far-off events do not zoom out to the world.
   */
  fit(items: MapPoint[]): void {
    const lats = items.flatMap((e) => (e.lat === null ? [] : [e.lat])).sort((a, b) => a - b);
    const lons = items.flatMap((e) => (e.lon === null ? [] : [e.lon])).sort((a, b) => a - b);
    if (!lats.length) return;
    this.map.invalidateSize({ animate: false });
    const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
    const bounds = L.latLngBounds([q(lats, FIT_SHARE), q(lons, FIT_SHARE)], [q(lats, 1 - FIT_SHARE), q(lons, 1 - FIT_SHARE)]);
    this.map.fitBounds(bounds.pad(0.1), { maxZoom: 8, animate: false });
  }

  view(): MapView {
    const c = this.map.getCenter();
    return { lat: c.lat, lon: c.lng, zoom: this.map.getZoom() };
  }

  setView(v: MapView): void {
    this.map.setView([v.lat, v.lon], v.zoom, { animate: false });
  }

  /** The view as minLon,minLat,maxLon,maxLat (the API's bbox). */
  bbox(): string {
    const b = this.map.getBounds();
    const clamp = (x: number, lim: number) => Math.max(-lim, Math.min(lim, x));
    return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].map((x) => x.toFixed(4)).join(",");
  }

  onMove(fn: () => void): void {
    this.map.on("moveend", fn);
  }

  showControl(places: ControlPlace[], label: (holder: string | null) => string): void {
    this.control.clearLayers();
    const colours = new Map<string, string>();
    for (const p of places) {
      if (p.lat === null || p.lon === null) continue;
      const holder = p.holderAt ?? null;
      const shown = holder && (nameIn(holder, p.holderAt_en) ?? holder);
      if (shown && !colours.has(shown)) colours.set(shown, HOLDER_COLOURS[colours.size % HOLDER_COLOURS.length]);
      const colour = shown ? colours.get(shown)! : UNKNOWN_COLOUR;
      L.circleMarker([p.lat, p.lon], { radius: 11, color: colour, weight: 3, fill: false, className: "control-marker", renderer: this.controlRenderer }).bindTooltip(textTip(`${nameIn(p.place, p.place_en)}: ${label(shown)}`)).addTo(this.control);
    }
    this.showLegend(colours);
  }

  clearControl(): void {
    this.control.clearLayers();
    this.legend?.remove();
    this.legend = null;
  }

  focus(lat: number | null, lon: number | null): void {
    if (lat !== null && lon !== null) this.map.setView([lat, lon], Math.max(this.map.getZoom(), 8));
  }

  /** The control layer's legend: each holder's colour, and unknown. */
  private showLegend(colours: Map<string, string>): void {
    this.legend?.remove();
    const box = h("div", { class: "map-legend", role: "group", "aria-label": t("legend") }, h("strong", {}, t("control")));
    const row = (colour: string, text: string): HTMLElement => {
      const ring = h("i", { class: "ring" });
      ring.style.borderColor = colour;
      return h("div", { class: "name" }, ring, " ", text);
    };
    for (const [holder, colour] of colours) box.append(row(colour, holder));
    box.append(row(UNKNOWN_COLOUR, t("unknown")));
    const Legend = L.Control.extend({ onAdd: () => box });
    this.legend = new Legend({ position: "bottomleft" }).addTo(this.map);
  }

  private icon(type: string): L.DivIcon {
    let icon = this.icons.get(type);
    if (!icon) {
      icon = L.divIcon({ className: `event-marker t-${type}`, iconSize: [14, 14] });
      this.icons.set(type, icon);
    }
    return icon;
  }

  private clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
    const n = cluster.getChildCount();
    const size = 26 + Math.min(22, Math.log2(n) * 3);
    const types = new Map<string, number>();
    for (const m of cluster.getAllChildMarkers()) {
      const type = (m.options as { type?: string }).type ?? "";
      types.set(type, (types.get(type) ?? 0) + 1);
    }
    const top = [...types.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
    // the count and the word for the screen reader: our own text, no data
    return L.divIcon({ className: `cluster t-${top}`, iconSize: [size, size], html: `<span>${n}</span><span class="sr">${t("events")}</span>` });
  }
}

/** The type colours as CSS classes (t-airstrike …): marker dots and cluster rings. */
export function typeStyles(): string {
  return Object.entries(TYPE_LABELS)
    .map(([type, { color }]) => `.event-marker.t-${type} { background: ${color}; } .cluster.t-${type} { border-color: ${color}; }`)
    .join("\n");
}
