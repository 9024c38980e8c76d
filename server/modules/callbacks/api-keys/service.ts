/**
 * API keys of a company (issue 14), managed by its admins. The key itself leaves this module
 * once, in createApiKey's answer; the database and the audit log only ever see its hash and
 * prefix.
 */
import { AppError } from "@/server/errors";
import type { TenantScope } from "@/server/tenancy";
import type { Actor } from "../../audit/service";
import { recordAudit } from "../../audit/service";
import { generateApiKey } from "./key-material";
import { CUSTOMER_MAX_RATE_LIMIT, type TCreateApiKeyInput, type TUpdateApiKeyInput } from "./schema";

const keySelect = {
  id: true, name: true, prefix: true, sipAccountId: true, rateLimitPerMinute: true,
  lastUsedAt: true, revokedAt: true, createdAt: true,
  sipAccount: { select: { username: true, extension: { select: { number: true, displayName: true } } } },
} as const;

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  rateLimitPerMinute: number;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  /** Null: any of the company's lines. */
  scope: { sipAccountId: string; label: string } | null;
};

type Row = {
  id: string; name: string; prefix: string; sipAccountId: string | null; rateLimitPerMinute: number;
  lastUsedAt: Date | null; revokedAt: Date | null; createdAt: Date;
  sipAccount: { username: string; extension: { number: string; displayName: string } | null } | null;
};

function toView(row: Row): ApiKeyView {
  const { sipAccount, sipAccountId, ...rest } = row;
  const ext = sipAccount?.extension;
  const label = ext ? `${ext.number} ${ext.displayName}` : (sipAccount?.username ?? "");
  return { ...rest, scope: sipAccountId ? { sipAccountId, label } : null };
}

const auditDetails = (k: { name: string; prefix: string; sipAccountId: string | null; rateLimitPerMinute: number }) => ({
  name: k.name, prefix: k.prefix, sipAccountId: k.sipAccountId, rateLimitPerMinute: k.rateLimitPerMinute,
});

/** Newest first; revoked keys stay listed (greyed) so the log of who used what still reads. */
export async function findApiKeys({ db }: TenantScope): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({ orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], select: keySelect });
  return rows.map(toView);
}

/** The lines a key may be scoped to: the company's phone lines that have an extension. */
export async function findApiKeyScopes({ db }: TenantScope) {
  const lines = await db.sipAccount.findMany({
    where: { type: "CENTREX_LINE", extension: { isNot: null } },
    select: { id: true, extension: { select: { number: true, displayName: true } } },
    orderBy: { extension: { number: "asc" } },
  });
  return lines.map((l) => ({ sipAccountId: l.id, label: `${l.extension!.number} ${l.extension!.displayName}` }));
}

type Db = TenantScope["db"];
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** A scope must be one of the company's lines (a line of another company reads as not found). */
async function assertLine(tx: Tx, sipAccountId: string | null) {
  if (!sipAccountId) return;
  const line = await tx.sipAccount.findFirst({ where: { id: sipAccountId }, select: { type: true, extension: { select: { id: true } } } });
  if (!line) throw new AppError("NOT_FOUND", "That phone line does not exist.", { fieldErrors: { sipAccountId: "Choose one of your company's lines." } });
  if (line.type !== "CENTREX_LINE" || !line.extension) {
    throw new AppError("INVALID", "Only a phone line with an extension can start calls.", { fieldErrors: { sipAccountId: "Choose a line with an extension." } });
  }
}

/** Creates a key and returns it in full: the only time anyone sees it. */
export async function createApiKey({ db, tenantId }: TenantScope, actor: Actor, input: TCreateApiKeyInput): Promise<{ apiKey: ApiKeyView; key: string }> {
  const material = generateApiKey();
  const sipAccountId = input.sipAccountId ?? null;
  return db.$transaction(async (tx) => {
    await assertLine(tx, sipAccountId);
    const row = await tx.apiKey.create({
      data: { tenantId, name: input.name, prefix: material.prefix, secretHash: material.secretHash, sipAccountId, rateLimitPerMinute: input.rateLimitPerMinute, createdByUserId: actor.id },
      select: keySelect,
    });
    await recordAudit(tx, actor, { action: "apiKey.created", entityType: "ApiKey", entityId: row.id, tenantId, details: auditDetails(row) });
    return { apiKey: toView(row), key: material.key };
  });
}

export async function updateApiKey({ db, tenantId }: TenantScope, actor: Actor, input: TUpdateApiKeyInput): Promise<ApiKeyView> {
  return db.$transaction(async (tx) => {
    const before = await tx.apiKey.findFirst({ where: { id: input.id }, select: keySelect });
    if (!before) throw new AppError("NOT_FOUND", "That API key does not exist.");
    if (before.revokedAt) throw new AppError("CONFLICT", "That API key is revoked and can no longer be changed.");
    // A limit the partner raised may be kept, not raised further by the customer.
    if (input.rateLimitPerMinute !== before.rateLimitPerMinute && input.rateLimitPerMinute > CUSTOMER_MAX_RATE_LIMIT) {
      throw new AppError("INVALID", `At most ${CUSTOMER_MAX_RATE_LIMIT} a minute; ask your provider for more.`, { fieldErrors: { rateLimitPerMinute: `At most ${CUSTOMER_MAX_RATE_LIMIT} a minute` } });
    }
    await assertLine(tx, input.sipAccountId);
    const after = await tx.apiKey.update({ where: { id: input.id }, data: { name: input.name, sipAccountId: input.sipAccountId, rateLimitPerMinute: input.rateLimitPerMinute }, select: keySelect });
    await recordAudit(tx, actor, { action: "apiKey.updated", entityType: "ApiKey", entityId: after.id, tenantId, details: { before: auditDetails(before), after: auditDetails(after) } });
    return toView(after);
  });
}

/** Revoking is final: the key answers 401 from the next request on. Revoking twice is a no-op. */
export async function revokeApiKey({ db, tenantId }: TenantScope, actor: Actor, id: string): Promise<ApiKeyView> {
  return db.$transaction(async (tx) => {
    const before = await tx.apiKey.findFirst({ where: { id }, select: keySelect });
    if (!before) throw new AppError("NOT_FOUND", "That API key does not exist.");
    if (before.revokedAt) return toView(before);
    const after = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() }, select: keySelect });
    await recordAudit(tx, actor, { action: "apiKey.revoked", entityType: "ApiKey", entityId: id, tenantId, details: auditDetails(after) });
    return toView(after);
  });
}
