import { z } from "zod";
import { singleLine, ZRecordId } from "../../validation/text";
import { ZEmail, ZNewPassword, ZPersonName } from "../users/schema";
import { ZLocale, ZTimeZone } from "@/components/format/settings";

export const TENANT_STATUSES = ["ACTIVE", "SUSPENDED"] as const;

const ZOrgName = singleLine().min(2, "Use at least 2 characters").max(100, "Use at most 100 characters");
export const ZId = ZRecordId;

/** A first administrator, created with the organisation in one transaction. */
const adminFields = { adminName: ZPersonName, adminEmail: ZEmail, adminPassword: ZNewPassword };

export const ZCreateCustomerInput = z.object({ name: ZOrgName, ...adminFields });
export type TCreateCustomerInput = z.infer<typeof ZCreateCustomerInput>;

/** The company's name and (unchanged when left out) its time zone: its people's dates and times, "today", and time-based routing. */
export const ZUpdateCustomerInput = z.object({ id: ZId, name: ZOrgName, timeZone: ZTimeZone.optional() });
export type TUpdateCustomerInput = z.infer<typeof ZUpdateCustomerInput>;

export const ZSetCustomerStatusInput = z.object({ id: ZId, status: z.enum(TENANT_STATUSES) });

export const ZCreateCustomerAdminInput = z.object({ tenantId: ZId, ...adminFields });
export type TCreateCustomerAdminInput = z.infer<typeof ZCreateCustomerAdminInput>;

/** A partner, its first administrator, and how its people and customers read dates and money (en-GB, Europe/London when left out). */
export const ZCreatePartnerInput = z.object({ name: ZOrgName, ...adminFields, locale: ZLocale.optional(), timeZone: ZTimeZone.optional() });
export type TCreatePartnerInput = z.infer<typeof ZCreatePartnerInput>;

export const ZCreatePartnerAdminInput = z.object({ partnerId: ZId, ...adminFields });
export type TCreatePartnerAdminInput = z.infer<typeof ZCreatePartnerAdminInput>;

export const ZFindCustomersInput = z.object({ search: singleLine().max(100).optional() }).optional();
