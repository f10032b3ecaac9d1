/**
 * Readers for the data files under data/: TSV tables with a header row, and plain one-per-line lists.
 * Both skip blank lines and lines starting with "#". A table whose header differs from the expected
 * columns is rejected with the file and the columns it should have, so a broken data file fails loudly.
 */
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { join, basename } from "node:path";

export type Row<C extends string> = Readonly<Record<C, string>> & { readonly _file: string; readonly _line: number };

export function readTsv<C extends string>(file: string, columns: readonly C[]): Row<C>[] {
  const table = parsed(file);
  if (table.header.join("\t") !== columns.join("\t")) {
    throw new Error(`${file}: header must be "${columns.join("\\t")}", found "${table.header.join("\\t")}"`);
  }
  return table.rows.slice() as Row<C>[];
}

interface Table {
  key: string;
  header: string[];
  rows: Row<string>[];
}

/**
 * Tables already read by this process, by path: several stages read the same file (the gazetteer for
 * the word lexicon and for places, the actor list for names, media and actors), and parsing it once
 * keeps start-up short. A file changed on disk since (size or time) is read again. Rows are shared:
 * callers must not change them.
 */
const tables = new Map<string, Table>();

function parsed(file: string): Table {
  const st = statSync(file);
  const key = `${st.size}:${st.mtimeMs}`;
  const known = tables.get(file);
  if (known?.key === key) return known;
  const lines = readFileSync(file, "utf8").split("\n");
  // The header is the first line that is neither blank nor a comment.
  let h = 0;
  while (h < lines.length && (!lines[h].trim() || lines[h].startsWith("#"))) h++;
  const header = (lines[h] ?? "").replace(/\r$/, "").split("\t");
  const name = basename(file);
  const rows: Row<string>[] = [];
  for (let n = h + 1; n < lines.length; n++) {
    let line = lines[n];
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (!line.trim() || line.startsWith("#")) continue;
    const cells = line.split("\t");
    const row = { _file: name, _line: n + 1 } as Row<string>;
    for (let k = 0; k < header.length; k++) (row as Record<string, unknown>)[header[k]] = (cells[k] ?? "").trim();
    rows.push(row);
  }
  const table = { key, header, rows };
  tables.set(file, table);
  return table;
}

/** Every `*.tsv` file in a folder, in name order (missing folder: none). */
export function readTsvDir<C extends string>(dir: string, columns: readonly C[]): Row<C>[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".tsv"))
    .sort()
    .flatMap((f) => readTsv(join(dir, f), columns));
}

/** A plain list: one entry per line, comments and blank lines skipped, surrounding spaces trimmed. */
export function readList(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.replace(/\r$/, "").trim())
    .filter((l) => l && !l.startsWith("#"));
}

/** Splits a `|`-separated multi-value cell. */
export const multi = (cell: string): string[] =>
  cell
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);
