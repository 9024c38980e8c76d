/**
 * A proved mobile as an extension's caller ID, through the procedures: the partner's policy
 * on unproved mobiles, the extension check, the form's options, the dial plan, removal.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadTenantDialPlan } from "@/server/telephony/dialplan/load-dial-plan";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedDid, seedExtensions } from "@/tests/fixtures/seed-telephony";

const COMPANY_NUMBER = "+442079460100";
const VERIFIED = "+447400555001";
const UNVERIFIED = "+447400555002";

let partnerId: string;
let tenantId: string;
let admin: Awaited<ReturnType<typeof callerFor>>;
let partnerAdmin: Awaited<ReturnType<typeof callerFor>>;
let extension: { id: string; number: string };

const updateCli = (outboundCli: string) =>
  admin.extension.update({ id: extension.id, number: extension.number, displayName: "Sales", ownerUserId: "", voicemailEnabled: false, voicemailPin: "", outboundCli });
const allowedClis = async () => (await loadTenantDialPlan(db, tenantId, { trunk: "trunk" })).outbound?.allowedClis;

beforeAll(async () => {
  const seeded = await seedPartner();
  partnerId = seeded.partner.id;
  partnerAdmin = await callerFor(seeded.admin.id);
  const company = await seedTenant({ partnerId, extensionUsers: 0 });
  tenantId = company.tenant.id;
  admin = await callerFor(company.admin.id);
  extension = (await seedExtensions(tenantId, 1))[0]!;
  await seedDid(tenantId, COMPANY_NUMBER);
  // Verified through the code the outbox holds, as the portal does it.
  const { verificationId } = await admin.callerId.sendCode({ number: VERIFIED });
  const sms = await db.smsMessage.findFirstOrThrow({ where: { to: VERIFIED } });
  await admin.callerId.verifyCode({ verificationId, code: /(\d{6})/.exec(sms.body)![1]! });
});

describe("[CALLER_ID] mobiles as caller ID", () => {
  it("a verified mobile is offered by the form, accepted as an extension's CLI and allowed by the dial plan", async () => {
    expect((await admin.extension.formOptions()).mobiles).toEqual([VERIFIED]);
    expect((await updateCli(VERIFIED)).outboundCli).toBe(VERIFIED);
    const plan = await loadTenantDialPlan(db, tenantId, { trunk: "trunk" });
    expect(plan.outbound).toMatchObject({ defaultCli: COMPANY_NUMBER, allowedClis: [COMPANY_NUMBER, VERIFIED] });
    expect(plan.extensions.find((e) => e.id === extension.id)?.outboundCli).toBe(VERIFIED);
    const listed = (await admin.callerId.find()).mobiles.find((m) => m.number === VERIFIED);
    expect(listed).toMatchObject({ isUsable: true, verifiedAt: expect.any(Date), extensions: [{ id: extension.id, number: extension.number }] });
  });

  it("an unverified mobile is refused unless the partner's policy allows it", async () => {
    await expectTrpcError(admin.callerId.addUnverified({ number: UNVERIFIED }), "FORBIDDEN");
    // Even if one is on the list (added while the policy allowed it), the policy decides.
    await db.verifiedMobile.create({ data: { tenantId, number: UNVERIFIED, verifiedAt: null } });
    await expectTrpcError(updateCli(UNVERIFIED), "BAD_REQUEST");
    expect((await admin.extension.formOptions()).mobiles).not.toContain(UNVERIFIED);
    expect(await allowedClis()).not.toContain(UNVERIFIED);
    // A number nobody listed is refused whatever the policy.
    await expectTrpcError(updateCli("+447400555099"), "BAD_REQUEST");

    await partnerAdmin.sms.policy.set({ allowUnverifiedMobileCli: true });
    expect((await updateCli(UNVERIFIED)).outboundCli).toBe(UNVERIFIED);
    expect(await allowedClis()).toContain(UNVERIFIED);
    expect((await admin.callerId.find()).mobiles.find((m) => m.number === UNVERIFIED)).toMatchObject({ verifiedAt: null, isUsable: true });

    await partnerAdmin.sms.policy.set({ allowUnverifiedMobileCli: false });
    expect(await allowedClis()).not.toContain(UNVERIFIED);
    await updateCli(VERIFIED);
  });

  it("adds an unverified mobile only under the policy, once", async () => {
    await partnerAdmin.sms.policy.set({ allowUnverifiedMobileCli: true });
    const added = await admin.callerId.addUnverified({ number: "07400 555003" });
    expect(added.number).toBe("+447400555003");
    await expectTrpcError(admin.callerId.addUnverified({ number: "+447400555003" }), "CONFLICT");
    await expectTrpcError(admin.callerId.addUnverified({ number: "+442079460100" }), "BAD_REQUEST"); // a landline
    await partnerAdmin.sms.policy.set({ allowUnverifiedMobileCli: false });
  });

  it("removing a mobile sends the extensions presenting it back to the company default", async () => {
    const mobile = (await admin.callerId.find()).mobiles.find((m) => m.number === VERIFIED)!;
    expect(await admin.callerId.remove({ id: mobile.id })).toEqual({ id: mobile.id, clearedExtensions: 1 });
    expect((await db.extension.findUniqueOrThrow({ where: { id: extension.id } })).outboundCli).toBeNull();
    expect(await allowedClis()).not.toContain(VERIFIED);
    await expectTrpcError(admin.callerId.remove({ id: mobile.id }), "NOT_FOUND");
    expect(await db.auditLog.count({ where: { tenantId, action: "callerId.remove" } })).toBe(1);
  });
});
