/**
 * The `marsad` command line. Every failure a user can cause ends with one line on standard error,
 * "marsad: error: <problem>; <way out>", and the exit code listed in `marsad --help`.
 */
import { Command, CommanderError } from "commander";
import { EXIT, isMarsadError } from "../errors.js";

/** What each exit code means, for the help of the commands that can end with it. */
const CODE_TEXT: Record<number, string> = {
  0: "success (warnings may have been printed)",
  1: "internal error (a bug: please report it with the input that caused it)",
  2: "usage error (unknown command or option, bad option value)",
  3: "not found (a missing or unreadable file, folder or database — a PostgreSQL database too; a folder to write into)",
  4: "bad input (empty, binary, undecodable, a feed given to analyze, no article text)",
  5: "input too large (see --max-size)",
  6: "unavailable (the port is in use or not allowed; the PostgreSQL server cannot be reached or refuses the user)",
};

/** The exit codes each command can end with. */
const COMMAND_CODES: Record<string, number[]> = {
  marsad: [0, 1, 2, 3, 4, 5, 6],
  analyze: [0, 1, 2, 3, 4, 5],
  ingest: [0, 1, 2, 3, 6],
  search: [0, 1, 2, 3, 6],
  control: [0, 1, 2, 3, 6],
  export: [0, 1, 2, 3, 6],
  serve: [0, 1, 2, 3, 6],
  worker: [0, 1, 2, 3, 6],
  status: [0, 1, 2, 3, 6],
  gazetteer: [0, 1, 2, 3, 4],
};

export const exitCodeHelp = (command: string): string =>
  `\nExit codes:\n${(COMMAND_CODES[command] ?? COMMAND_CODES.marsad).map((c) => `  ${c}  ${CODE_TEXT[c]}`).join("\n")}${command === "ingest" ? "\n  (items that cannot be read or analysed are reported and skipped: the run still exits 0)" : ""}`;

/**
 * Each command's module, loaded only when that command runs: `marsad analyze` need not load the web
 * server, the database drivers and the queue before reading one article. Help and unknown commands load
 * them all, in this order (the order of `marsad --help`).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import("./analyze-command.js")).analyzeCommand(),
  ingest: async () => (await import("./ingest-command.js")).ingestCommand(),
  search: async () => (await import("./store-commands.js")).searchCommand(),
  control: async () => (await import("./store-commands.js")).controlCommand(),
  export: async () => (await import("./store-commands.js")).exportCommand(),
  serve: async () => (await import("./serve-command.js")).serveCommand(),
  worker: async () => (await import("./queue-commands.js")).workerCommand(),
  status: async () => (await import("./queue-commands.js")).statusCommand(),
  gazetteer: async () => (await import("./gazetteer-command.js")).gazetteerCommand(),
};

/** The program with the command `argv` names, or with every command when it names none. */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command("marsad")
    .description("Marsad (مرصد) reads Arabic news and turns it into sourced, geocoded event data")
    .version("0.1.0")
    .addHelpText("after", exitCodeHelp("marsad"))
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(`marsad: error: ${str.replace(/^error: /, "").trim()} (see --help)\n`) });
  const named = argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) ? [argv[0]] : Object.keys(COMMANDS);
  for (const cmd of await Promise.all(named.map((n) => COMMANDS[n]()))) {
    inherit(cmd, program);
    cmd.addHelpText("after", exitCodeHelp(cmd.name()));
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
    await (await buildProgram(argv)).parseAsync(argv, { from: "user" });
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
    // a bug, not the user's doing: one line, the stack only when asked for (MARSAD_DEBUG=1)
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`marsad: internal error: ${message.split("\n")[0].slice(0, 300)}; please report it with the input that caused it${process.env.MARSAD_DEBUG ? `\n${(e as Error).stack}` : " (MARSAD_DEBUG=1 shows the stack)"}\n`);
    return EXIT.internal;
  }
}
