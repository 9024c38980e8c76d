/**
 * The one rule for "out of credit" (issue 13), shared by the worker (which refuses chargeable
 * calls) and the portal (which says why). Pure, no I/O.
 */
import { Prisma } from "../../generated/prisma/client";

export interface CreditFacts {
  isPrepaid: boolean;
  /** Sum of the ledger in the partner's currency. */
  balance: Prisma.Decimal;
  /** How far below zero the partner lets the balance go (>= 0). */
  creditLimit: Prisma.Decimal;
}

/** What the customer can still spend on calls: balance + credit limit. */
export const availableCredit = (facts: Pick<CreditFacts, "balance" | "creditLimit">) => facts.balance.plus(facts.creditLimit);

/** Prepaid and nothing left to spend. Postpaid customers are never out of credit. */
export const isCreditUsedUp = (facts: CreditFacts) => facts.isPrepaid && availableCredit(facts).lte(0);

/** What the portal says, word for word, wherever it says it. */
export const OUT_OF_CREDIT_NOTICE = "Outgoing calls are stopped: your balance and credit limit are used up. Top up to call out again.";
