/** Matching concrete ARI request paths against the spec's `{placeholder}` templates. */

const segmentsOf = (p: string) => p.split("/").filter((s) => s !== "");

/** Strips the query string and an `/ari` prefix: no ARI resource path starts with `/ari`. */
export const normalisePath = (concretePath: string): string => {
  const bare = concretePath.split("?")[0] ?? "";
  return bare.startsWith("/ari/") ? bare.slice(4) : bare;
};

export const matchTemplate = (template: string, concrete: string): Record<string, string> | undefined => {
  const t = segmentsOf(template);
  const c = segmentsOf(concrete);
  if (t.length !== c.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, seg] of t.entries()) {
    const actual = c[i] ?? "";
    const name = /^\{(\w+)\}$/.exec(seg)?.[1];
    if (name !== undefined) params[name] = decodeURIComponent(actual);
    else if (seg !== actual) return undefined;
  }
  return params;
};

export const literalCount = (template: string) => segmentsOf(template).filter((s) => !s.startsWith("{")).length;

/**
 * The operation whose template fits a concrete path (with or without `/ari`), with its decoded
 * path params. `/channels/create` also fits `/channels/{channelId}`: the most literal wins.
 */
export function matchOperation<T extends { method: string; path: string }>(
  operations: readonly T[],
  method: string,
  concretePath: string,
): { operation: T; pathParams: Record<string, string> } | undefined {
  const wanted = normalisePath(concretePath);
  let best: { operation: T; pathParams: Record<string, string> } | undefined;
  for (const operation of operations) {
    if (operation.method !== method.toUpperCase()) continue;
    const pathParams = matchTemplate(operation.path, wanted);
    if (!pathParams) continue;
    if (!best || literalCount(operation.path) > literalCount(best.operation.path)) best = { operation, pathParams };
  }
  return best;
}

/** The `{placeholder}` names of a template, in order. */
export const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
