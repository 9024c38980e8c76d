/**
 * Request-level checks against the ARI spec: a concrete request (what the simulator receives)
 * and a declared operation (what the client can send).
 */
import type { AriSpec, SpecParam } from "./spec";

export interface RequestParts {
  /** Decoded query string; a repeated key may be given as an array. */
  query?: Record<string, string | readonly string[]>;
  /** Parsed JSON body: ARI body params are the keys of one JSON object. */
  body?: Record<string, unknown>;
}

/** Asterisk accepts `api_key=user:pass` on every request, outside the per-operation params. */
const GLOBAL_QUERY_PARAMS = new Set(["api_key"]);

const SCALAR_RE: Record<string, RegExp> = {
  int: /^-?\d+$/,
  long: /^-?\d+$/,
  double: /^-?\d+(\.\d+)?$/,
  boolean: /^(true|false)$/,
};

function checkValue(param: SpecParam, raw: string): string[] {
  const values = param.allowMultiple ? raw.split(",") : [raw];
  const errors: string[] = [];
  for (const v of values) {
    const re = SCALAR_RE[param.dataType];
    if (re && !re.test(v)) errors.push(`query '${param.name}': '${v}' is not a valid ${param.dataType}`);
    if (param.allowedValues && !param.allowedValues.includes(v)) {
      errors.push(`query '${param.name}': '${v}' is not one of ${param.allowedValues.join(", ")}`);
    }
  }
  return errors;
}

/**
 * Checks a concrete request (e.g. one the simulator received) against the spec: the path
 * and method exist, every query/body key is defined with that `paramType`, required params
 * are present, and enum/number/boolean query values are valid. Returns problems (empty = ok).
 */
export function checkRequestAgainst(
  spec: AriSpec,
  method: string,
  concretePath: string,
  parts: RequestParts = {},
): string[] {
  const match = spec.findOperation(method, concretePath);
  if (!match) return [`${method} ${concretePath}: no such ARI operation`];
  const { params } = match.operation;
  const errors: string[] = [];
  const byType = (t: SpecParam["paramType"]) => params.filter((p) => p.paramType === t);
  for (const [key, value] of Object.entries(parts.query ?? {})) {
    if (GLOBAL_QUERY_PARAMS.has(key)) continue;
    const param = byType("query").find((p) => p.name === key);
    if (!param) errors.push(`query '${key}' is not defined for ${match.operation.method} ${match.operation.path}`);
    else for (const v of typeof value === "string" ? [value] : value) errors.push(...checkValue(param, v));
  }
  for (const key of Object.keys(parts.body ?? {})) {
    if (!byType("body").some((p) => p.name === key)) {
      errors.push(`body '${key}' is not defined for ${match.operation.method} ${match.operation.path}`);
    }
  }
  for (const p of params.filter((x) => x.required)) {
    const present =
      p.paramType === "path" ? p.name in match.pathParams
      : p.paramType === "query" ? parts.query?.[p.name] !== undefined
      : p.paramType === "body" ? parts.body?.[p.name] !== undefined
      : true;
    if (!present) errors.push(`${p.paramType} '${p.name}' is required`);
  }
  return errors;
}

/** How a client operation declares the params it may send. */
export interface DeclaredOperation {
  method: string;
  path: string;
  /** Param name -> whether the client always sends it. */
  query: Readonly<Record<string, "required" | "optional">>;
  body: Readonly<Record<string, "required" | "optional">>;
  /** Enum params: the values the client may send. */
  values?: Readonly<Record<string, readonly string[]>>;
}

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");

/**
 * Checks a declared client operation against the spec: the method+template exists verbatim,
 * each declared param exists with the same `paramType`, every spec-required param is declared
 * "required", and declared enum values are allowed. Returns problems (empty = ok).
 */
export function checkOperationDeclaration(spec: AriSpec, decl: DeclaredOperation): string[] {
  const where = `${decl.method} ${decl.path}`;
  const op = spec.getOperation(decl.method, decl.path);
  if (!op) return [`${where}: no such operation in the ARI spec`];
  const errors: string[] = [];
  const declared = new Map<string, { type: string; use: string }>();
  for (const name of placeholders(decl.path)) declared.set(name, { type: "path", use: "required" });
  for (const [name, use] of Object.entries(decl.query)) declared.set(name, { type: "query", use });
  for (const [name, use] of Object.entries(decl.body)) declared.set(name, { type: "body", use });
  for (const [name, { type }] of declared) {
    const param = op.params.find((p) => p.name === name);
    if (!param) errors.push(`${where}: param '${name}' is not defined by Asterisk`);
    else if (param.paramType !== type) errors.push(`${where}: '${name}' is a ${param.paramType} param, not ${type}`);
  }
  for (const param of op.params.filter((p) => p.required)) {
    if (declared.get(param.name)?.use !== "required") {
      errors.push(`${where}: required ${param.paramType} param '${param.name}' is not always sent`);
    }
  }
  for (const [name, values] of Object.entries(decl.values ?? {})) {
    const allowed = op.params.find((p) => p.name === name)?.allowedValues;
    for (const v of allowed ? values.filter((x) => !allowed.includes(x)) : []) {
      errors.push(`${where}: '${name}' value '${v}' is not allowed by Asterisk`);
    }
  }
  return errors;
}
