/** Exit codes are part of the CLI contract: scripts branch on them. */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  notFound: 3,
  invalid: 4,
  forbidden: 5,
  conflict: 6,
} as const;

export type ErrorCode = 'unexpected' | 'usage' | 'not_found' | 'invalid' | 'forbidden' | 'conflict';

const EXIT_BY_CODE: Record<ErrorCode, number> = {
  unexpected: EXIT.unexpected,
  usage: EXIT.usage,
  not_found: EXIT.notFound,
  invalid: EXIT.invalid,
  forbidden: EXIT.forbidden,
  conflict: EXIT.conflict,
};

/** An error the user can act on: its message is printed as is, without a stack. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: readonly string[];

  constructor(code: ErrorCode, message: string, details?: readonly string[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get exitCode(): number {
    return EXIT_BY_CODE[this.code];
  }
}

export const usageError = (message: string) => new AppError('usage', message);
export const notFound = (message: string) => new AppError('not_found', message);
export const invalid = (message: string, details?: readonly string[]) => new AppError('invalid', message, details);
export const forbidden = (message: string) => new AppError('forbidden', message);
export const conflict = (message: string) => new AppError('conflict', message);
