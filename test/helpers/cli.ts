/** Runs the built `bin/marsad` as a user would, capturing its output and exit code. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../bin/marsad", import.meta.url));
export const built = existsSync(fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url)));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function marsad(args: string[], input?: string | Buffer, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
