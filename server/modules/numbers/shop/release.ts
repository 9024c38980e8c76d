/** Giving a RETIRED supplier number back to its supplier, once; the reconciler retries failures. */
import { db } from "../../../db";
import { adapterFor, SUPPLIER_SELECT } from "../suppliers/adapter";

/** True when the supplier has released it (now or before); throws when the supplier failed. */
export async function releaseAtSupplier(didId: string): Promise<boolean> {
  const did = await db.did.findUniqueOrThrow({ where: { id: didId }, select: { number: true, state: true, supplierReleasedAt: true, supplier: { select: SUPPLIER_SELECT } } });
  if (did.state !== "RETIRED") return false;
  if (did.supplierReleasedAt) return true;
  if (!did.supplier) throw new Error(`number ${did.number} has no supplier to release it at`);
  await adapterFor(did.supplier).release(did.number);
  await db.did.updateMany({ where: { id: didId, state: "RETIRED", supplierReleasedAt: null }, data: { supplierReleasedAt: new Date() } });
  return true;
}
