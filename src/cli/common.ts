/** Small helpers shared by the commands: messages on standard error and option parsers. */
import { InvalidArgumentError } from "commander";

/** What --db takes, for the commands' help. */
export const DB_HELP = "an SQLite file, or postgres://user@host:port/name (default: $MARSAD_DB, else marsad.db)";

export const warn = (message: string): void => void process.stderr.write(`marsad: warning: ${message}\n`);

export function parseMegabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 4096) throw new InvalidArgumentError("give a positive number of megabytes up to 4096, e.g. 10");
  return Math.round(n * 1024 * 1024);
}

export function parsePositiveSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 86_400) throw new InvalidArgumentError("give a number of seconds, e.g. 30");
  return n;
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError("give a whole number, e.g. 1000");
  return n;
}

/** A parser of whole numbers between min and max (a port, a worker count). */
export const intBetween = (min: number, max: number) => (value: string): number => {
  const n = parsePositiveInt(value);
  if (n < min || n > max) throw new InvalidArgumentError(`give a whole number from ${min} to ${max}`);
  return n;
};

export function parseCountries(value: string): string[] {
  const codes = value.split(",").map((c) => c.trim().toUpperCase()).filter(Boolean);
  if (!codes.length || codes.some((c) => !/^[A-Z]{2}$/.test(c))) throw new InvalidArgumentError("give ISO country codes separated by commas, e.g. SY,IQ");
  return codes;
}
