import type { db } from "../../../db";
import type { Prisma } from "../../../generated/prisma/client";

/** The currency every stock number, tier premium and country price of the partner is in (Partner.currency). */
export async function partnerCurrency(client: Prisma.TransactionClient | typeof db, partnerId: string): Promise<string> {
  const { currency } = await client.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { currency: true } });
  return currency;
}
