/**
 * A customer's credit (issue 13): balance, credit limit, what is left to spend, and whether
 * outgoing calls are stopped, by the same rule the worker refuses calls with (credit-rule.ts).
 * Tenant-scoped; the back office calls it with the customer's scope (partner/credit-service.ts).
 */
import { Prisma } from "../../generated/prisma/client";
import type { TenantScope } from "../../tenancy";
import { availableCredit, isCreditUsedUp, OUT_OF_CREDIT_NOTICE } from "./credit-rule";
import { balanceIn } from "./ledger-service";
import { creditFactsFor } from "./queries";

export async function getCredit({ tenantId, db }: TenantScope) {
  const facts = await creditFactsFor(db, tenantId);
  const balance = await balanceIn(db, facts.currency);
  const creditLimit = new Prisma.Decimal(facts.creditLimit);
  const isOutOfCredit = isCreditUsedUp({ isPrepaid: facts.isPrepaid, balance, creditLimit });
  return {
    currency: facts.currency,
    isPrepaid: facts.isPrepaid,
    balance: balance.toString(),
    creditLimit: creditLimit.toString(),
    /** balance + limit; for postpaid customers it only informs. */
    available: availableCredit({ balance, creditLimit }).toString(),
    isOutOfCredit,
    notice: isOutOfCredit ? OUT_OF_CREDIT_NOTICE : null,
  };
}
