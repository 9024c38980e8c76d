import { getCountries, getCountryCallingCode, type CountryCode } from "libphonenumber-js/max";
import { formatInternational } from "@/components/format/phone-display";
import { isMobileKind, parsePhoneNumber } from "@/components/format/phone-number";
import { AppError } from "../../errors";

/** Where a calling code is shared (+1, +7, +44), the country whose national format people type. */
const MAIN_REGION: Record<string, CountryCode> = { "1": "US", "7": "RU", "44": "GB", "61": "AU" };

/** The ISO region for a company's dialling code (Tenant.countryCode, e.g. "44"), for national input. */
export function regionOfCallingCode(callingCode: string): CountryCode | undefined {
  return MAIN_REGION[callingCode] ?? getCountries().find((c) => getCountryCallingCode(c) === callingCode);
}

const invalidNumber = (message: string) => new AppError("INVALID", message, { fieldErrors: { number: message } });

/**
 * The E.164 of a mobile number as a person typed it. Throws INVALID (on `number`) for text
 * that is not a phone number, or a number no text message reaches (a landline, a free-phone).
 */
export function parseMobile(unverifiedNumber: string, companyCallingCode: string): string {
  const parsed = parsePhoneNumber(unverifiedNumber, regionOfCallingCode(companyCallingCode));
  if (!parsed) throw invalidNumber("Enter a valid phone number, for example +44 7911 123456.");
  if (!isMobileKind(parsed.kind)) throw invalidNumber(`${formatInternational(parsed.e164)} is not a mobile number: the code comes by text message, which only mobiles receive.`);
  return parsed.e164;
}
