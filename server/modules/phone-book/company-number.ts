/**
 * Numbers people type for their company ("020 7946 0000" in a UK company, "+1 212 555 0100"
 * anywhere), read into E.164 by libphonenumber-js in the company's country.
 */
import { parsePhoneNumber, regionOfCallingCode } from "../../../components/format/phone-number";
import type { TenantScope } from "../../tenancy";

/** The E.164 form, or null when it is not a valid phone number. */
export function toCompanyE164(text: string, countryCallingCode: string): string | null {
  const cleaned = text.trim().replace(/^'(?=\+)/, ""); // a spreadsheet's text marker before "+" (our CSV export writes one)
  return parsePhoneNumber(cleaned, regionOfCallingCode(countryCallingCode))?.e164 ?? null;
}

export async function companyCallingCode({ db, tenantId }: TenantScope): Promise<string> {
  return (await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { countryCode: true } })).countryCode;
}
