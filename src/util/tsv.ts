/**
 * Readers for the data files under data/: TSV tables with a header row, and plain one-per-line lists.
 * Both skip blank lines and lines starting with "#". A table whose header differs from the expected
 * columns is rejected with the file and the columns it should have, so a broken data file fails loudly.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, basename } from "node:path";

export type Row<C extends string> = Record<C, string> & { _file: string; _line: number };

export function readTsv<C extends string>(file: string, columns: readonly C[]): Row<C>[] {
  const lines = readFileSync(file, "utf8").split("\n");
  // The header is the first line that is neither blank nor a comment.
  let h = 0;
  while (h < lines.length && (!lines[h].trim() || lines[h].startsWith("#"))) h++;
  const header = (lines[h] ?? "").replace(/\r$/, "").split("\t");
  if (header.join("\t") !== columns.join("\t")) {
    throw new Error(`${file}: header must be "${columns.join("\\t")}", found "${header.join("\\t")}"`);
  }
  const rows: Row<C>[] = [];
  for (let n = h + 1; n < lines.length; n++) {
    const line = lines[n].replace(/\r$/, "");
    if (!line.trim() || line.startsWith("#")) continue;
    const cells = line.split("\t");
    const row = { _file: basename(file), _line: n + 1 } as Row<C>;
    columns.forEach((c, k) => ((row as Record<string, unknown>)[c] = (cells[k] ?? "").trim()));
    rows.push(row);
  }
  return rows;
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
