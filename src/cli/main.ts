/**
 * The `marsad` command line. Every failure a user can cause ends with one line on standard error,
 * "marsad: error: <problem>; <way out>", and the exit code listed in `marsad --help`.
 */
import { Command, CommanderError } from "commander";
import { EXIT, isMarsadError } from "../errors.js";
import { analyzeCommand } from "./analyze-command.js";
import { gazetteerCommand } from "./gazetteer-command.js";
import { ingestCommand } from "./ingest-command.js";
import { controlCommand, exportCommand, searchCommand } from "./store-commands.js";
import { serveCommand } from "./serve-command.js";

const EXIT_CODES = `
Exit codes:
  0  success (a document was produced; warnings may have been printed)
  1  internal error (a bug: please report it with the input that caused it)
  2  usage error (unknown command or option, bad option value)
  3  input not found (missing path, a directory, unreadable file)
  4  bad input (empty, binary, undecodable, a feed given to analyze, no article text)
  5  input too large (see --max-size)`;

export function buildProgram(): Command {
  const program = new Command("marsad")
    .description("Marsad (مرصد) reads Arabic news and turns it into sourced, geocoded event data")
    .version("0.1.0")
    .addHelpText("after", EXIT_CODES)
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(`marsad: error: ${str.replace(/^error: /, "").trim()} (see --help)\n`) });
  for (const cmd of [analyzeCommand(), ingestCommand(), searchCommand(), controlCommand(), exportCommand(), serveCommand(), gazetteerCommand()]) {
    inherit(cmd, program);
    cmd.addHelpText("after", EXIT_CODES);
    program.addCommand(cmd);
  }
  return program;
}

/** Subcommands (and theirs) report errors and exit like the program. */
function inherit(cmd: Command, program: Command): void {
  cmd.copyInheritedSettings(program);
  for (const sub of cmd.commands) inherit(sub, program);
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isMarsadError(e)) {
      process.stderr.write(`marsad: error: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`marsad: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}
