import type { ZodError } from 'zod';

/** An error answered to the client as `{ error, field? }` with its HTTP status; nothing is stored when thrown. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly issues?: Array<{ field: string; message: string }>,
  ) {
    super(message);
  }

  static fromZod(error: ZodError): HttpError {
    const issues = error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
    const first = issues[0];
    return new HttpError(400, `${first.field}: ${first.message}`, first.field, issues);
  }
}
