/**
 * The client's operation table as a request validator: the simulator matches and checks every
 * request it receives against what the worker may send (`operations.ts`), so it needs no spec
 * file at run time. The spec-conformance test proves the table itself matches Asterisk's spec.
 */
import { ARI_OPERATIONS, type AriOperation } from "./operations";
import { checkRequestParts, type ParamRule, type RequestParts } from "./request-rules";
import { matchOperation, placeholders } from "./spec-paths";

export interface DeclaredMatch {
  operation: AriOperation;
  /** Decoded values of the template's `{placeholders}` in the concrete path. */
  pathParams: Record<string, string>;
}

/** The declared operation a concrete path (with or without `/ari`) names; the most literal template wins. */
export const matchDeclaredOperation = (method: string, concretePath: string): DeclaredMatch | undefined =>
  matchOperation<AriOperation>(ARI_OPERATIONS, method, concretePath);

const rulesOf = (op: AriOperation): ParamRule[] => [
  ...placeholders(op.path).map((name): ParamRule => ({ name, location: "path", required: true })),
  ...Object.entries(op.query).map(([name, use]): ParamRule => ({
    name,
    location: "query",
    required: use === "required",
    ...(op.types?.[name] ? { dataType: op.types[name] } : {}),
    ...(op.values?.[name] ? { allowedValues: op.values[name] } : {}),
  })),
  ...Object.entries(op.body).map(([name, use]): ParamRule => ({ name, location: "body", required: use === "required" })),
];

/** Problems with a concrete request against the declared table (empty = ok). */
export function checkDeclaredRequest(method: string, concretePath: string, parts: RequestParts = {}): string[] {
  const match = matchDeclaredOperation(method, concretePath);
  if (!match) return [`${method} ${concretePath}: no such ARI operation`];
  const { operation } = match;
  return checkRequestParts(`${operation.method} ${operation.path}`, rulesOf(operation), match.pathParams, parts);
}
