/** Small helpers shared by the commands: messages on standard error and option parsers. */
import { InvalidArgumentError } from "commander";

export const warn = (message: string): void => void process.stderr.write(`marsad: warning: ${message}\n`);

export function parseMegabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("give a positive number of megabytes, e.g. 10");
  return Math.round(n * 1024 * 1024);
}
