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
