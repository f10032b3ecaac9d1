/**
 * GET /api/export: what the current filters show, as ACLED's CSV columns, GeoJSON or JSON Lines — the
 * exports of `marsad export` (store/export.ts), over the event list's filters. Not cached: an export
 * is asked for once, and may be large.
 */
import { writeExport, type ExportFormat } from "../store/export.js";
import type { ApiContext } from "./context.js";
import * as C from "./contract.js";
import type { Routes } from "./routes.js";

const FORMATS: Record<"csv" | "geojson" | "jsonl", { format: ExportFormat; type: string; ext: string }> = {
  csv: { format: "acled-csv", type: "text/csv; charset=utf-8", ext: "csv" },
  geojson: { format: "geojson", type: "application/geo+json; charset=utf-8", ext: "geojson" },
  jsonl: { format: "jsonl", type: "application/x-ndjson; charset=utf-8", ext: "jsonl" },
};

export function registerExport(routes: Routes, ctx: ApiContext): void {
  routes.add(
    {
      method: "GET", path: "/api/export", operationId: "exportEvents", cache: false,
      summary: "The events of the event list's filters, as a file: csv (ACLED's 31 columns, English names and notes), geojson (points with ACLED's properties) or jsonl (one event a line with every report)",
      query: C.ExportQuery,
      responses: {
        200: { description: "the file (Content-Disposition names it)", media: { "text/csv": "ACLED's columns, one event a row", "application/geo+json": "a FeatureCollection of points", "application/x-ndjson": "one event a line" } },
        400: C.ErrorAnswer,
      },
    },
    async ({ query: q, reply }) => {
      const f = FORMATS[q.format];
      const stories = await ctx.store.exportStories(await ctx.query(q), q.limit);
      const chunks: string[] = [];
      writeExport(f.format, stories, (c) => chunks.push(c), ctx.english());
      return void reply
        .type(f.type)
        .header("content-disposition", `attachment; filename="marsad-events.${f.ext}"`)
        .send(chunks.join(""));
    },
  );
}
