/** Small helpers shared by the commands: messages on standard error and option parsers. */
import { InvalidArgumentError } from "commander";

export const warn = (message: string): void => void process.stderr.write(`marsad: warning: ${message}\n`);

export function parseMegabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("give a positive number of megabytes, e.g. 10");
  return Math.round(n * 1024 * 1024);
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("give a whole number, e.g. 1000");
  return n;
}

export function parseCountries(value: string): string[] {
  const codes = value.split(",").map((c) => c.trim().toUpperCase()).filter(Boolean);
  if (!codes.length || codes.some((c) => !/^[A-Z]{2}$/.test(c))) throw new InvalidArgumentError("give ISO country codes separated by commas, e.g. SY,IQ");
  return codes;
}
