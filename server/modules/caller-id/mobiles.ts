/**
 * The company's caller-ID mobiles: the list, adding one without proof where the partner
 * allows it, removing one, and which of them an extension may present right now.
 */
import { AppError } from "../../errors";
import type { TenantDb, TenantScope } from "../../tenancy";
import { notifyDialPlanChanged } from "../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../audit/service";
import { isUsableAsCli } from "./domain";
import { parseMobile } from "./mobile-number";
import { companyContext } from "./policy";
import type { TAddUnverifiedInput } from "./schema";

/** The mobiles with who proved them, whether each is usable now, and the extensions presenting each. */
export async function findMobiles({ db, tenantId }: TenantScope) {
  const [company, mobiles] = await Promise.all([
    companyContext(db, tenantId),
    db.verifiedMobile.findMany({ orderBy: { number: "asc" } }),
  ]);
  const numbers = mobiles.map((m) => m.number);
  const verifierIds = mobiles.flatMap((m) => (m.verifiedByUserId ? [m.verifiedByUserId] : []));
  const [users, extensions] = await Promise.all([
    db.user.findMany({ where: { id: { in: verifierIds } }, select: { id: true, name: true } }),
    db.extension.findMany({ where: { outboundCli: { in: numbers } }, select: { id: true, number: true, displayName: true, outboundCli: true }, orderBy: { number: "asc" } }),
  ]);
  return {
    allowUnverifiedMobileCli: company.allowUnverifiedMobileCli,
    mobiles: mobiles.map((m) => ({
      id: m.id,
      number: m.number,
      verifiedAt: m.verifiedAt,
      verifiedByName: users.find((u) => u.id === m.verifiedByUserId)?.name ?? null,
      isUsable: isUsableAsCli(m, company),
      extensions: extensions.filter((e) => e.outboundCli === m.number).map(({ id, number, displayName }) => ({ id, number, displayName })),
    })),
  };
}

/** The mobiles an extension may present now (E.164, sorted). */
export async function usableMobileClis(db: Pick<TenantDb, "tenant" | "verifiedMobile">, tenantId: string): Promise<string[]> {
  const [company, mobiles] = await Promise.all([companyContext(db, tenantId), db.verifiedMobile.findMany({ orderBy: { number: "asc" } })]);
  return mobiles.filter((m) => isUsableAsCli(m, company)).map((m) => m.number);
}

/** Lists a mobile nobody proved; only while the partner's policy allows that (else FORBIDDEN). */
export async function addUnverifiedMobile({ db, tenantId }: TenantScope, actor: Actor, input: TAddUnverifiedInput) {
  const company = await companyContext(db, tenantId);
  if (!company.allowUnverifiedMobileCli) throw new AppError("FORBIDDEN", "Your provider requires mobiles to be verified by SMS code before they are used as caller ID.");
  const number = parseMobile(input.number, company.countryCode);
  return db.$transaction(async (tx) => {
    const existing = await tx.verifiedMobile.findFirst({ where: { number } });
    if (existing) throw new AppError("CONFLICT", "This mobile is already on your list.", { fieldErrors: { number: "This mobile is already on your list." } });
    const mobile = await tx.verifiedMobile.create({ data: { tenantId, number, verifiedAt: null, verifiedByUserId: null } });
    await recordAudit(tx, actor, { action: "callerId.addUnverified", entityType: "VerifiedMobile", entityId: mobile.id, tenantId, details: { number } });
    await notifyDialPlanChanged(tx, tenantId);
    return { id: mobile.id, number };
  });
}

/** Removes the mobile, and the extensions presenting it go back to the company default. */
export async function removeMobile({ db, tenantId }: TenantScope, actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const mobile = await tx.verifiedMobile.findFirst({ where: { id } });
    if (!mobile) throw new AppError("NOT_FOUND", "That mobile is not on your list.");
    const { count: clearedExtensions } = await tx.extension.updateMany({ where: { outboundCli: mobile.number }, data: { outboundCli: null } });
    await tx.verifiedMobile.deleteMany({ where: { id } });
    await recordAudit(tx, actor, { action: "callerId.remove", entityType: "VerifiedMobile", entityId: id, tenantId, details: { number: mobile.number, clearedExtensions } });
    await notifyDialPlanChanged(tx, tenantId);
    return { id, clearedExtensions };
  });
}
