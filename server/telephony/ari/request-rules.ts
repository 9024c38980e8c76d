/**
 * One request checker for two sources of rules: Asterisk's spec (tests, `spec-requests.ts`) and
 * the client's own operation table (the simulator at run time, `operation-match.ts`). Both are
 * turned into {@link ParamRule}s, so they refuse a request for the same reasons and words.
 */

export interface RequestParts {
  /** Decoded query string; a repeated key may be given as an array. */
  query?: Record<string, string | readonly string[]>;
  /** Parsed JSON body: ARI body params are the keys of one JSON object. */
  body?: Record<string, unknown>;
}

export interface ParamRule {
  name: string;
  location: "path" | "query" | "body" | "other";
  required: boolean;
  /** Swagger data type; scalar ones (int, long, double, boolean) are checked. */
  dataType?: string;
  allowMultiple?: boolean;
  allowedValues?: readonly string[];
}

/** Asterisk accepts `api_key=user:pass` on every request, outside the per-operation params. */
const GLOBAL_QUERY_PARAMS = new Set(["api_key"]);

const SCALAR_RE: Record<string, RegExp> = {
  int: /^-?\d+$/,
  long: /^-?\d+$/,
  double: /^-?\d+(\.\d+)?$/,
  boolean: /^(true|false)$/,
};

function checkValue(rule: ParamRule, raw: string): string[] {
  const values = rule.allowMultiple ? raw.split(",") : [raw];
  const errors: string[] = [];
  for (const v of values) {
    const re = rule.dataType ? SCALAR_RE[rule.dataType] : undefined;
    if (re && !re.test(v)) errors.push(`query '${rule.name}': '${v}' is not a valid ${rule.dataType}`);
    if (rule.allowedValues && !rule.allowedValues.includes(v)) {
      errors.push(`query '${rule.name}': '${v}' is not one of ${rule.allowedValues.join(", ")}`);
    }
  }
  return errors;
}

/**
 * Checks one concrete request: every query/body key is defined in that place, required params
 * are present, and enum/number/boolean query values are valid. `where` names the operation
 * (`POST /channels`) in messages. Returns problems (empty = ok).
 */
export function checkRequestParts(
  where: string,
  rules: readonly ParamRule[],
  pathParams: Readonly<Record<string, string>>,
  parts: RequestParts,
): string[] {
  const errors: string[] = [];
  const at = (location: ParamRule["location"]) => rules.filter((r) => r.location === location);
  for (const [key, value] of Object.entries(parts.query ?? {})) {
    if (GLOBAL_QUERY_PARAMS.has(key)) continue;
    const rule = at("query").find((r) => r.name === key);
    if (!rule) errors.push(`query '${key}' is not defined for ${where}`);
    else for (const v of typeof value === "string" ? [value] : value) errors.push(...checkValue(rule, v));
  }
  for (const key of Object.keys(parts.body ?? {})) {
    if (!at("body").some((r) => r.name === key)) errors.push(`body '${key}' is not defined for ${where}`);
  }
  for (const rule of rules.filter((r) => r.required)) {
    const present =
      rule.location === "path" ? rule.name in pathParams
      : rule.location === "query" ? parts.query?.[rule.name] !== undefined
      : rule.location === "body" ? parts.body?.[rule.name] !== undefined
      : true;
    if (!present) errors.push(`${rule.location} '${rule.name}' is required`);
  }
  return errors;
}
