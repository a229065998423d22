import type { ErrorBody, ErrorCode, ErrorIssue } from "@balagh/shared";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly extra: { issues?: ErrorIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

export const errorBody = (code: ErrorCode, message: string, issues?: ErrorIssue[]): ErrorBody => ({
  error: issues ? { code, message, issues } : { code, message },
});

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join(".") || "(body)";

type SchemaError = { issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }> };

export const zodIssues = (error: SchemaError): ErrorIssue[] =>
  error.issues.slice(0, 50).map((issue) => ({ path: pathOf(issue.path), message: issue.message }));

export const validationError = (error: SchemaError) => {
  const issues = zodIssues(error);
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : "the request is not valid";
  return new ApiError(422, "validation_failed", `The request is not valid (${summary}).`, { issues });
};

// drizzle wraps driver errors; libSQL and D1 name theirs differently, so look down the cause chain.
export const isDatabaseError = (error: unknown): boolean => {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    // SqliteError: the local file's group commit (node/group-commit.ts) writes through libsql directly.
    if (["DrizzleQueryError", "LibsqlError", "LibsqlBatchError", "SqliteError"].includes(e.name)) return true;
    if (/^D1_|SQLITE_/.test(e.message)) return true;
  }
  return false;
};

export const onError = (log: (line: string) => void) => (error: Error, c: Context) => {
  c.header("Cache-Control", "no-store");
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.extra.headers ?? {})) c.header(name, value);
    return c.json(errorBody(error.code, error.message, error.extra.issues), error.status);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 400) return c.json(errorBody("invalid_json", "The body is not valid JSON."), 400);
    if (status === 413) return c.json(errorBody("payload_too_large", "The request body is too large."), 413);
    return c.json(errorBody("internal_error", error.message || "Request failed."), status);
  }
  if (isDatabaseError(error)) {
    log(`database unavailable: ${error.name}`);
    c.header("Retry-After", "30");
    return c.json(
      errorBody("database_unavailable", "The service cannot store reports right now. Please try again in a minute."),
      503,
    );
  }
  // Only the error's class reaches the log: a message could quote what a reporter typed.
  log(`unexpected error: ${error.name}`);
  return c.json(errorBody("internal_error", "Something went wrong on our side. Please try again."), 500);
};

export const notFound = (c: Context) => {
  c.header("Cache-Control", "no-store");
  return c.json(errorBody("not_found", "There is nothing at this address."), 404);
};
