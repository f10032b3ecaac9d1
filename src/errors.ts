/**
 * Errors a user can cause. Each carries a one-line message that names the problem and the way out,
 * and the process exit code the command line uses for it (listed in `marsad --help`).
 */

export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  notFound: 3,
  badInput: 4,
  tooLarge: 5,
  unavailable: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class MarsadError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.badInput,
  ) {
    super(message);
    this.name = "MarsadError";
  }
}

export const isMarsadError = (e: unknown): e is MarsadError => e instanceof MarsadError;
