/** PostgreSQL's error codes the app answers to, for statements run through pg directly. */

/** unique_violation: another request inserted the row first. */
export const isUniqueViolation = (err: unknown) => typeof err === "object" && err !== null && (err as { code?: unknown }).code === "23505";
