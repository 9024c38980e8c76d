/**
 * Test support: Asterisk's own ARI Swagger 1.2 description (its `rest-api/api-docs/*.json`),
 * read from `ARI_SPEC_DIR` (default `../shared/asterisk-ari` beside the repo root). Used to
 * prove that the ARI client and the ARI simulator only send and answer what a real Asterisk
 * defines. Nothing at run time imports this file: without the spec, only the conformance
 * tests skip ({@link hasAriSpec}).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateAgainstModels, type SpecModel, type ValidateModelOptions } from "./spec-models";
import { matchOperation } from "./spec-paths";
import { checkRequestAgainst, type RequestParts } from "./spec-requests";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";
export type ParamType = "path" | "query" | "body" | "header" | "form";

export interface SpecParam {
  name: string;
  paramType: ParamType;
  dataType: string;
  /** Path params are always required, whatever the file says (some omit the flag). */
  required: boolean;
  allowMultiple: boolean;
  /** Allowed values when the spec lists them (`allowableValues.valueType === "LIST"`). */
  allowedValues?: readonly string[];
}

export interface SpecOperation {
  method: HttpMethod;
  /** Template relative to the ARI base path, e.g. `/channels/{channelId}/answer`. */
  path: string;
  nickname: string;
  /** Spec file the operation comes from, e.g. `channels`. */
  resource: string;
  responseClass: string;
  params: readonly SpecParam[];
  errorResponses: readonly { code: number; reason: string }[];
}

export interface OperationMatch {
  operation: SpecOperation;
  /** Decoded values of the template's `{placeholders}` in the concrete path. */
  pathParams: Record<string, string>;
}

export interface AriSpec {
  operations: readonly SpecOperation[];
  models: Readonly<Record<string, SpecModel>>;
  findOperation(method: string, concretePath: string): OperationMatch | undefined;
  getOperation(method: string, pathTemplate: string): SpecOperation | undefined;
  /** Returns a list of problems; an empty list means the object conforms. */
  validateModel(modelName: string, value: unknown, options?: ValidateModelOptions): string[];
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const ARI_SPEC_DIR = path.resolve(REPO_ROOT, process.env.ARI_SPEC_DIR || "../shared/asterisk-ari");

/** True when the spec is at {@link ARI_SPEC_DIR}; says nothing either way. */
export const isAriSpecPresent = () => existsSync(path.join(ARI_SPEC_DIR, "resources.json"));

/**
 * True when the spec is at {@link ARI_SPEC_DIR}. Otherwise prints, once per `what`, why that
 * test is skipped and where the spec comes from, so a skip is never silent.
 */
const warned = new Set<string>();
export function hasAriSpec(what: string): boolean {
  if (isAriSpecPresent()) return true;
  if (warned.has(what)) return false;
  warned.add(what);
  console.warn(
    `[skip] ${what}: Asterisk's ARI spec is not at ${ARI_SPEC_DIR}. Point ARI_SPEC_DIR at a copy of ` +
      "Asterisk's rest-api/api-docs folder (asterisk/asterisk on GitHub) to run this conformance check.",
  );
  return false;
}

interface RawParam {
  name: string;
  paramType: ParamType;
  dataType: string;
  required?: boolean;
  allowMultiple?: boolean;
  allowableValues?: { valueType: string; values?: string[] };
}
interface RawOperation {
  httpMethod: HttpMethod;
  nickname: string;
  responseClass: string;
  parameters?: RawParam[];
  errorResponses?: { code: number; reason: string }[];
}
interface RawApiFile {
  apis?: { path: string; operations?: RawOperation[] }[];
  models?: Record<string, SpecModel>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

const toParam = (raw: RawParam): SpecParam => ({
  name: raw.name,
  paramType: raw.paramType,
  dataType: raw.dataType,
  required: raw.paramType === "path" || raw.required === true,
  allowMultiple: raw.allowMultiple === true,
  ...(raw.allowableValues?.valueType === "LIST" && raw.allowableValues.values
    ? { allowedValues: raw.allowableValues.values }
    : {}),
});

const cache = new Map<string, AriSpec>();

/** Loads (once per directory) every API file listed in `resources.json`, plus `events.json`. */
export function loadAriSpec(dir: string = ARI_SPEC_DIR): AriSpec {
  const cached = cache.get(dir);
  if (cached) return cached;
  const listing = readJson<{ apis: { path: string }[] }>(path.join(dir, "resources.json"));
  const names = new Set(listing.apis.map((a) => /\/api-docs\/(\w+)\./.exec(a.path)?.[1] ?? ""));
  names.add("events");
  const operations: SpecOperation[] = [];
  const models: Record<string, SpecModel> = {};
  for (const resource of [...names].filter(Boolean).sort()) {
    const file = readJson<RawApiFile>(path.join(dir, `${resource}.json`));
    for (const api of file.apis ?? []) {
      for (const op of api.operations ?? []) {
        operations.push({
          method: op.httpMethod,
          path: api.path,
          nickname: op.nickname,
          resource,
          responseClass: op.responseClass,
          params: (op.parameters ?? []).map(toParam),
          errorResponses: op.errorResponses ?? [],
        });
      }
    }
    Object.assign(models, file.models ?? {});
  }
  const spec: AriSpec = {
    operations,
    models,
    getOperation: (method, template) =>
      operations.find((o) => o.method === method.toUpperCase() && o.path === template),
    findOperation: (method, concretePath) => matchOperation(operations, method, concretePath),
    validateModel: (name, value, options) => validateAgainstModels(models, name, value, options),
  };
  cache.set(dir, spec);
  return spec;
}

export const findOperation = (method: string, concretePath: string) =>
  loadAriSpec().findOperation(method, concretePath);

export const validateModel = (modelName: string, value: unknown, options?: ValidateModelOptions) =>
  loadAriSpec().validateModel(modelName, value, options);

/** See {@link checkRequestAgainst}; uses the spec in {@link ARI_SPEC_DIR}. */
export const checkRequest = (method: string, concretePath: string, parts?: RequestParts) =>
  checkRequestAgainst(loadAriSpec(), method, concretePath, parts);

export { checkOperationDeclaration, type DeclaredOperation, type RequestParts } from "./spec-requests";
export type { SpecModel, ValidateModelOptions } from "./spec-models";
