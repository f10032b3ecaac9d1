/** `marsad analyze <file|->`: one article in, one JSON document (marsad.document/1) out. */
import { Command, Option } from "commander";
import { DEFAULT_MAX_BYTES } from "../ingest/limits.js";
import { readInput } from "./read-input.js";
import { parseMegabytes, warn } from "./common.js";

interface AnalyzeOptions {
  published?: string;
  url?: string;
  id?: string;
  format: "auto" | "text" | "html";
  encoding?: string;
  maxSize: number;
  pretty?: boolean;
  source?: string;
}

export function analyzeCommand(): Command {
  return new Command("analyze")
    .description("analyse one Arabic news article (text file or saved web page) and print its JSON document")
    .argument("<file>", 'article file, or "-" to read standard input')
    .option("--published <YYYY-MM-DD>", "publication date; resolves relative dates such as أمس and السبت")
    .option("--url <url>", "the article's address, kept in meta.url")
    .option("--source <outlet>", "the outlet publishing the article, a code of data/events/outlets.tsv (aawsat) or a name; events no claim sources name it")
    .option("--id <id>", "document id (default: the file name without extension)")
    .addOption(new Option("--format <format>", "input format").choices(["auto", "text", "html"]).default("auto"))
    .option("--encoding <name>", "input encoding, overriding detection (utf-8, utf-16le, windows-1256, iso-8859-6)")
    .addOption(new Option("--max-size <MB>", "refuse inputs larger than this many megabytes").argParser(parseMegabytes).default(DEFAULT_MAX_BYTES, `${DEFAULT_MAX_BYTES / 1048576}`))
    .option("--pretty", "indent the JSON output")
    .addHelpText(
      "after",
      `
Output: one JSON document on standard output, schema marsad.document/1 (docs/schema.md).
Warnings go to standard error; a produced document exits 0.

Examples:
  marsad analyze article.txt --published 2024-12-07
  marsad analyze page.html --url https://example.com/news/1 --pretty
  curl -s https://example.com/news/1 | marsad analyze - --format html`,
    )
    .action(async (file: string, opts: AnalyzeOptions) => {
      const input = await readInput(file, opts.maxSize);
      const [{ createAnalyzer }, { serialize }] = await Promise.all([import("../analyze.js"), import("../output.js")]);
      const analyzer = createAnalyzer();
      const doc = analyzer.analyze(input, {
        published: opts.published,
        url: opts.url,
        source: opts.source,
        id: opts.id,
        format: opts.format,
        encoding: opts.encoding,
        maxBytes: opts.maxSize,
        name: file === "-" ? undefined : file,
      });
      for (const w of doc.meta.warnings) warn(w);
      process.stdout.write(serialize(doc, opts.pretty) + "\n");
    });
}
