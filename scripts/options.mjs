// The scripts' command-line options: node's parseArgs, plus --help, and on a bad option a one-line
// message with the usage and exit code 2 instead of a stack trace.
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/** Parses process.argv for the script at `url` (import.meta.url); `usage` is its synopsis. */
export function scriptOptions(url, usage, options) {
  const name = basename(fileURLToPath(url), ".mjs");
  let values;
  try {
    ({ values } = parseArgs({ options: { ...options, help: { type: "boolean", default: false } } }));
  } catch (e) {
    console.error(`${name}: ${e.message}; usage: ${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(`usage: ${usage}`);
    process.exit(0);
  }
  return values;
}
