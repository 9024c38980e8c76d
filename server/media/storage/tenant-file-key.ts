/**
 * Where a tenant's media file lives in storage: `<tenantId>/<kind>/<fileId>.<ext>`. Every
 * segment is checked to be a plain id, so no value (from a URL, a row, an ARI event) can make
 * a key that climbs out of its tenant's folder or names another tenant's file.
 */
export const MEDIA_KINDS = ["prompts", "recordings"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
export const MEDIA_EXTENSIONS = ["wav"] as const;
export type MediaExtension = (typeof MEDIA_EXTENSIONS)[number];

/** cuid()s and the seed's ids: letters, digits, "-" and "_"; never "." or "/". */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface TenantFileKey {
  tenantId: string;
  kind: MediaKind;
  fileId: string;
  ext: MediaExtension;
}

export function tenantFileKey(key: TenantFileKey): string {
  if (!ID.test(key.tenantId)) throw new Error(`not a tenant id: ${JSON.stringify(key.tenantId)}`);
  if (!ID.test(key.fileId)) throw new Error(`not a file id: ${JSON.stringify(key.fileId)}`);
  if (!(MEDIA_KINDS as readonly string[]).includes(key.kind)) throw new Error(`not a media kind: ${JSON.stringify(key.kind)}`);
  if (!(MEDIA_EXTENSIONS as readonly string[]).includes(key.ext)) throw new Error(`not a media extension: ${JSON.stringify(key.ext)}`);
  return `${key.tenantId}/${key.kind}/${key.fileId}.${key.ext}`;
}

/** The parts of a key tenantFileKey made, or null for anything else. */
export function parseTenantFileKey(text: string): TenantFileKey | null {
  const match = /^([A-Za-z0-9_-]{1,64})\/([a-z]+)\/([A-Za-z0-9_-]{1,64})\.([a-z0-9]+)$/.exec(text);
  if (match === null) return null;
  const [, tenantId, kind, fileId, ext] = match as unknown as [string, string, string, string, string];
  if (!(MEDIA_KINDS as readonly string[]).includes(kind) || !(MEDIA_EXTENSIONS as readonly string[]).includes(ext)) return null;
  return { tenantId, kind: kind as MediaKind, fileId, ext: ext as MediaExtension };
}
