/** Keyset cursor of the callback list: the last row's (createdAt, id), opaque to clients. */
export type CursorPosition = { createdAt: Date; id: string };

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString("base64url");
}

/** The position, or false for anything this API did not hand out. */
export function decodeCursor(cursor: string): CursorPosition | false {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return false;
    const [at, id] = value as unknown[];
    if (typeof at !== "string" || typeof id !== "string" || id.length === 0 || id.length > 64) return false;
    const createdAt = new Date(at);
    if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== at) return false;
    return { createdAt, id };
  } catch {
    return false;
  }
}
