/** Shapes and small helpers shared by the REST handler modules. */
import type { SimCore } from "./core";

export interface RestRequest {
  core: SimCore;
  /** Decoded `{placeholders}` of the matched spec path. */
  params: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
}

export interface RestResult {
  status: number;
  json?: unknown;
  /** A binary body instead of JSON (ARI's `binary` responses). */
  file?: { bytes: Buffer; contentType: string };
}

/** Handlers by `METHOD /spec/template`; returning nothing means 204 No Content. */
export type RestHandler = (req: RestRequest) => RestResult | void;

export const ok = (json: unknown): RestResult => ({ status: 200, json });
export const created = (json: unknown): RestResult => ({ status: 201, json });

/** ARI takes allowMultiple params as one comma-separated value. */
export const listParam = (value: string | undefined): string[] => (value ? value.split(",").filter((v) => v !== "") : []);

export const intParam = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));
