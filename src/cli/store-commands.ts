/** `marsad control`, `marsad search` and `marsad export`: reading the store. */
import { Command, Option } from "commander";
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { resolve } from "node:path";
import { openStoreAt, storeSpec } from "../store/open.js";
import { EXIT, MarsadError } from "../errors.js";
import { EVENT_TYPES } from "../events/index.js";
import { isValidDate } from "../ingest/index.js";
import { loadExportContext } from "../english/context.js";
import { writeExport, type ExportFormat } from "../store/export.js";
import { DB_HELP, parsePositiveInt, warn } from "./common.js";

const date = (name: string) => (v: string): string => {
  if (!isValidDate(v)) throw new MarsadError(`${name} must be a date as YYYY-MM-DD, got "${v}"`, EXIT.usage);
  return v;
};

const types = (v: string): string[] => {
  const list = v.split(",").map((t) => t.trim()).filter(Boolean);
  const bad = list.filter((t) => !(EVENT_TYPES as readonly string[]).includes(t));
  if (bad.length) throw new MarsadError(`unknown event type ${bad.join(", ")}; use one of ${EVENT_TYPES.join(", ")}`, EXIT.usage);
  return list;
};

export function controlCommand(): Command {
  return new Command("control")
    .description("who holds each place over time, from takeovers and withdrawals, with the reports behind each change")
    .option("--db <path|url>", `the database to read: ${DB_HELP}`)
    .option("--place <name>", "only this place (Arabic name, any spelling)")
    .option("--at <YYYY-MM-DD>", "who held each place on this date", date("--at"))
    .option("--json", "print JSON instead of text")
    .action(async (opts: { db?: string; place?: string; at?: string; json?: boolean }) => {
      const store = await openStoreAt(storeSpec(opts.db), { mustExist: true, readonly: true });
      try {
        const places = await store.controlTimeline({ place: opts.place, at: opts.at });
        if (opts.json) return void process.stdout.write(JSON.stringify(places, null, 2) + "\n");
        if (!places.length) return void process.stdout.write(opts.place ? `no takeover or withdrawal reported at ${opts.place}\n` : "no takeover or withdrawal stored yet\n");
        for (const p of places) {
          process.stdout.write(`${p.place}${p.country ? ` (${p.country})` : ""}${opts.at ? ` — on ${opts.at}: ${p.holderAt ?? "unknown"}` : ""}\n`);
          for (const c of p.changes) {
            const what = c.change === "seize_control" ? `taken by ${c.actor ?? "unknown"}` : `left by ${c.actor ?? "unknown"}`;
            process.stdout.write(`  ${c.date ?? "????-??-??"}  ${what}; held by ${c.holder ?? "nobody reported"}  (${c.reports.length} report${c.reports.length > 1 ? "s" : ""}: ${[...new Set(c.reports.map((r) => r.source ?? "?"))].join(", ")})\n`);
          }
        }
      } finally {
        await store.close();
      }
    });
}

export function searchCommand(): Command {
  return new Command("search")
    .description("search articles, quotes and claims; diacritics, hamza and alef/ya/ta-marbuta forms do not matter")
    .argument("<query...>", "words to find (all of them)")
    .option("--db <path|url>", `the database to read: ${DB_HELP}`)
    .addOption(new Option("--kind <kind>", "only one kind of result").choices(["article", "quote", "claim"]))
    .option("--limit <n>", "at most this many results", parsePositiveInt, 20)
    .option("--json", "print JSON instead of text")
    .action(async (query: string[], opts: { db?: string; kind?: string; limit: number; json?: boolean }) => {
      const store = await openStoreAt(storeSpec(opts.db), { mustExist: true, readonly: true });
      try {
        const hits = await store.search(query.join(" "), { limit: opts.limit, kind: opts.kind });
        if (opts.json) return void process.stdout.write(JSON.stringify(hits, null, 2) + "\n");
        if (!hits.length) return void process.stdout.write("no match\n");
        for (const h of hits) process.stdout.write(`[${h.kind}] ${h.published ?? ""} ${h.title ?? ""}${h.url ? ` <${h.url}>` : ""}\n    ${h.who ? h.who + ": " : ""}${h.text}\n`);
      } finally {
        await store.close();
      }
    });
}

/** Opens the temporary file beside --out; a missing folder or no permission is the user's to fix. */
function openForWriting(tmp: string, out: string): number {
  try {
    return openSync(tmp, "w");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "its folder does not exist" : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EISDIR" ? "it is a folder" : (code ?? (e as Error).message);
    throw new MarsadError(`cannot write ${out}: ${why}; create the folder or choose another --out`, EXIT.notFound);
  }
}

export function exportCommand(): Command {
  return new Command("export")
    .description("export the stored events, one row per happening (story), as JSON Lines, GeoJSON, an ACLED-style CSV or GDELT-style TSV")
    .addOption(new Option("--format <format>", "output format").choices(["jsonl", "geojson", "acled-csv", "acled", "gdelt"]).default("jsonl"))
    .option("--db <path|url>", `the database to read: ${DB_HELP}`)
    .option("--since <YYYY-MM-DD>", "events on or after this date", date("--since"))
    .option("--until <YYYY-MM-DD>", "events on or before this date", date("--until"))
    .option("--type <types>", `event types, comma-separated (${EVENT_TYPES.join(", ")})`, types)
    .option("--place <name>", "only events at this place")
    .option("--actor <name>", "only events whose actor's name holds this")
    .option("--all", "include events that did not happen (denied, planned, negated …) and background history")
    .option("--numeric-inters", "acled-csv: inter1, inter2 and interaction as ACLED's numeric codes, not its text labels")
    .option("--out <file>", "write to this file (atomically) instead of standard output")
    .addHelpText("after", "\nColumns and fields: docs/exports.md; the ACLED columns and their values: docs/acled.md")
    .action(async (opts: { format: ExportFormat; db?: string; since?: string; until?: string; type?: string[]; place?: string; actor?: string; all?: boolean; numericInters?: boolean; out?: string }) => {
      const store = await openStoreAt(storeSpec(opts.db), { mustExist: true, readonly: true });
      try {
        const items = await store.stories({ since: opts.since, until: opts.until, type: opts.type, place: opts.place, actor: opts.actor, happened: !opts.all });
        const out = opts.out ? resolve(opts.out) : null;
        const tmp = out ? `${out}.tmp-${process.pid}` : null;
        const fd = tmp ? openForWriting(tmp, out!) : null;
        let closed = false;
        try {
          // "acled" is the name the issue and users reach for; the format keeps its documented name
          const format: ExportFormat = (opts.format as string) === "acled" ? "acled-csv" : opts.format;
          const r = writeExport(format, items, (chunk) => (fd !== null ? writeSync(fd, chunk) : process.stdout.write(chunk)), loadExportContext(), { numericInters: !!opts.numericInters });
          if (fd !== null) {
            closeSync(fd);
            closed = true;
            renameSync(tmp!, out!);
          }
          process.stderr.write(`marsad: exported ${r.written} events${r.withoutPlace ? ` (${r.withoutPlace} without coordinates left out: a map point and an ACLED row need them; \`marsad gazetteer import\` adds places)` : ""}${r.withoutCode ? ` (${r.withoutCode} without a CAMEO code or a date left out)` : ""}${r.withoutCountry ? ` (${r.withoutCountry} without a country left out: an ACLED row needs one)` : ""}${out ? ` to ${out}` : ""}\n`);
          if (!items.length) warn("no stored event matches these filters");
        } catch (e) {
          if (fd !== null) {
            if (!closed) closeSync(fd);
            unlinkSync(tmp!);
          }
          const code = (e as NodeJS.ErrnoException).code;
          if (code && out) throw new MarsadError(`cannot write ${out}: ${code === "EISDIR" ? "it is a folder" : code}; choose another --out`, EXIT.notFound);
          throw e;
        }
      } finally {
        await store.close();
      }
    });
}
