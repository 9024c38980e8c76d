/**
 * Request-level checks against the ARI spec: a concrete request (what the simulator receives)
 * and a declared operation (what the client can send).
 */
import { checkRequestParts, type ParamRule, type RequestParts } from "./request-rules";
import type { AriSpec } from "./spec";
import { placeholders } from "./spec-paths";

export type { RequestParts } from "./request-rules";

/**
 * Checks a concrete request (what a client would send) against the spec: the path and method
 * exist, every query/body key is defined with that `paramType`, required params are present,
 * and enum/number/boolean query values are valid. Returns problems (empty = ok).
 */
export function checkRequestAgainst(
  spec: AriSpec,
  method: string,
  concretePath: string,
  parts: RequestParts = {},
): string[] {
  const match = spec.findOperation(method, concretePath);
  if (!match) return [`${method} ${concretePath}: no such ARI operation`];
  const { operation } = match;
  const rules = operation.params.map((p): ParamRule => ({
    name: p.name,
    location: p.paramType === "path" || p.paramType === "query" || p.paramType === "body" ? p.paramType : "other",
    required: p.required,
    dataType: p.dataType,
    allowMultiple: p.allowMultiple,
    ...(p.allowedValues ? { allowedValues: p.allowedValues } : {}),
  }));
  return checkRequestParts(`${operation.method} ${operation.path}`, rules, match.pathParams, parts);
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
  /** Non-string params with their type: must name exactly the spec's scalar params. */
  types?: Readonly<Record<string, string>>;
}

const SCALAR_TYPES = new Set(["int", "long", "double", "boolean"]);

/**
 * Checks a declared client operation against the spec: the method+template exists verbatim,
 * each declared param exists with the same `paramType`, every spec-required param is declared
 * "required", declared enum values are allowed, and every scalar (int, long, double, boolean)
 * param carries the spec's type, so the simulator checks values as Asterisk does. Returns
 * problems (empty = ok).
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
    const wanted = param && SCALAR_TYPES.has(param.dataType) ? param.dataType : undefined;
    if (type !== "path" && decl.types?.[name] !== wanted) {
      errors.push(`${where}: '${name}' is declared as ${decl.types?.[name] ?? "string"}, Asterisk says ${wanted ?? param?.dataType ?? "nothing"}`);
    }
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
