/**
 * A partner's DID supplier accounts: where supplier numbers are searched and ordered. Keys are
 * sealed at rest and never sent back (the back office sees a hint). A partner orders through
 * its first enabled supplier.
 */
import { db } from "../../../db";
import { AppError } from "../../../errors";
import { integrationsEnv } from "../../../integrations/env";
import { SealedSecretError, seal, secretHint } from "../../../integrations/secret-box";
import { SupplierError } from "../../../integrations/did-supplier/types";
import { recordAudit, type Actor } from "../../audit/service";
import { adapterFor, SUPPLIER_SELECT } from "./adapter";
import type { TSaveSupplierInput } from "./schema";

type PartnerScope = { partnerId: string };

export async function findSuppliers({ partnerId }: PartnerScope) {
  const rows = await db.didSupplier.findMany({
    where: { partnerId },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, name: true, baseUrl: true, apiKeyHint: true, isEnabled: true, updatedAt: true, _count: { select: { dids: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, numbers: _count.dids }));
}

/**
 * Plain http is for a vendor stand-in on this machine during development and tests; anything
 * else must be https, so a key never crosses a network in clear text.
 */
function checkBaseUrl(baseUrl: string) {
  const url = new URL(baseUrl);
  const isLocal = url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
  if (url.protocol === "https:" || (isLocal && integrationsEnv().NODE_ENV !== "production")) return;
  throw new AppError("INVALID", "Use an https address.", { fieldErrors: { baseUrl: "Use an https address." } });
}

export async function saveSupplier({ partnerId }: PartnerScope, actor: Actor, input: TSaveSupplierInput) {
  checkBaseUrl(input.baseUrl);
  const key = input.apiKey?.trim() ? input.apiKey.trim() : null;
  if (!input.id && !key) throw new AppError("INVALID", "Enter the API key.", { fieldErrors: { apiKey: "Enter the API key." } });
  return db.$transaction(async (tx) => {
    const data = { kind: input.kind, name: input.name, baseUrl: input.baseUrl, isEnabled: input.isEnabled, ...(key ? { apiKeySealed: seal(key), apiKeyHint: secretHint(key) } : {}) };
    let id: string;
    if (input.id) {
      const { count } = await tx.didSupplier.updateMany({ where: { id: input.id, partnerId }, data });
      if (count === 0) throw new AppError("NOT_FOUND", "That supplier does not exist.");
      id = input.id;
    } else {
      id = (await tx.didSupplier.create({ data: { ...data, partnerId, apiKeySealed: data.apiKeySealed!, apiKeyHint: data.apiKeyHint! }, select: { id: true } })).id;
    }
    await recordAudit(tx, actor, {
      action: input.id ? "didSupplier.update" : "didSupplier.create", entityType: "DidSupplier", entityId: id, partnerId,
      // The key is never audited, only whether it changed.
      details: { name: input.name, kind: input.kind, baseUrl: input.baseUrl, isEnabled: input.isEnabled, keyChanged: key !== null },
    });
    return { id };
  });
}

export async function removeSupplier({ partnerId }: PartnerScope, actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const supplier = await tx.didSupplier.findFirst({ where: { id, partnerId }, select: { id: true, name: true } });
    if (!supplier) throw new AppError("NOT_FOUND", "That supplier does not exist.");
    const live = await tx.did.count({ where: { supplierId: id, state: { in: ["RESERVED", "ASSIGNED"] } } });
    if (live > 0) throw new AppError("CONFLICT", `${live} customer number(s) came from this supplier; disable it instead, so they can still be released.`);
    await tx.didSupplier.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "didSupplier.delete", entityType: "DidSupplier", entityId: id, partnerId, details: { name: supplier.name } });
  });
}

/** Asks the vendor for one number, to prove the address and key work. */
export async function testSupplier({ partnerId }: PartnerScope, id: string) {
  const supplier = await db.didSupplier.findFirst({ where: { id, partnerId }, select: SUPPLIER_SELECT });
  if (!supplier) throw new AppError("NOT_FOUND", "That supplier does not exist.");
  try {
    const offers = await adapterFor(supplier).search({ countryIso: "GB", limit: 1 });
    return { ok: true as const, message: `Connected to ${supplier.name}: ${offers.length ? "numbers are available." : "no UK numbers offered right now."}` };
  } catch (err) {
    if (err instanceof SupplierError || err instanceof SealedSecretError) return { ok: false as const, message: err.message };
    throw err;
  }
}

/** The supplier a partner orders through, or null when it has none enabled. */
export function orderingSupplierOf(partnerId: string) {
  return db.didSupplier.findFirst({ where: { partnerId, isEnabled: true }, orderBy: { createdAt: "asc" }, select: SUPPLIER_SELECT });
}
