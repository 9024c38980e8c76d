/**
 * The back office's view of a customer's money, and manual credits. After checking that the
 * customer is the admin's, it calls the same tenant services with tenantDb(customerId).
 */
import { Prisma } from "../../../generated/prisma/client";
import { AppError } from "../../../errors";
import { tenantDb } from "../../../tenancy";
import type { PartnerScope } from "../../admin/customers-service";
import { recordAudit } from "../../audit/service";
import { findAccounts, findLedgerEntries, findPurchases, getBalance } from "../ledger-service";
import { formatMoney } from "../money";
import { partnerCurrencyFor } from "../queries";
import { findTopUps } from "../top-up-history";
import type { TCreditInput } from "../schema";
import { requireCustomer } from "./plan-assignment-service";

/** The customer's tenant scope, once it is known to be the partner's; NOT_FOUND otherwise. */
export async function customerScope(partnerId: string, tenantId: string) {
  await requireCustomer(partnerId, tenantId);
  return { tenantId, db: tenantDb(tenantId) };
}

export const getCustomerBalance = async ({ partnerId }: PartnerScope, tenantId: string) => getBalance(await customerScope(partnerId, tenantId));
export const findCustomerLedger = async ({ partnerId }: PartnerScope, tenantId: string, page: number) => findLedgerEntries(await customerScope(partnerId, tenantId), page);
export const findCustomerPurchases = async ({ partnerId }: PartnerScope, tenantId: string) => findPurchases(await customerScope(partnerId, tenantId));
export const findCustomerAccounts = async ({ partnerId }: PartnerScope, tenantId: string) => findAccounts(await customerScope(partnerId, tenantId));
export const findCustomerTopUps = async ({ partnerId }: PartnerScope, tenantId: string) => findTopUps(await customerScope(partnerId, tenantId));

/**
 * Credits a customer by hand (no card payments, goodwill, corrections), in the partner's
 * currency. Idempotent by `idempotencyKey`: a retry, or a concurrent twin, returns the one
 * entry; reusing a key for a different amount is a CONFLICT. Audited with the reason.
 */
export async function creditCustomer({ partnerId, actor }: PartnerScope, input: TCreditInput) {
  const { tenantId, db } = await customerScope(partnerId, input.tenantId);
  const currency = await partnerCurrencyFor(db, tenantId);
  const amount = new Prisma.Decimal(input.amount);
  const idempotencyKey = `credit:${input.idempotencyKey}`;
  return db.$transaction(async (tx) => {
    // skipDuplicates is ON CONFLICT DO NOTHING: of two concurrent twins, one inserts, one finds it.
    const inserted = await tx.ledgerEntry.createMany({
      data: [{ tenantId, kind: "CREDIT_MANUAL", amount, currency, description: `Credit from your provider: ${input.reason}`, reference: null, idempotencyKey, actorUserId: actor.id }],
      skipDuplicates: true,
    });
    const entry = await tx.ledgerEntry.findUniqueOrThrow({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey } } });
    if (!entry.amount.equals(amount) || entry.kind !== "CREDIT_MANUAL") {
      throw new AppError("CONFLICT", "This credit key was already used for a different credit. Reload and try again.");
    }
    if (inserted.count === 1) {
      await recordAudit(tx, actor, {
        action: "billing.credit", entityType: "LedgerEntry", entityId: entry.id, partnerId, tenantId,
        details: { amount: amount.toString(), currency, reason: input.reason, display: formatMoney(amount, currency) },
      });
    }
    return { id: entry.id, amount: entry.amount.toString(), currency: entry.currency, description: entry.description, createdAt: entry.createdAt };
  });
}
