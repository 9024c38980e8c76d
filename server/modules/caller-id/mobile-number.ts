import { formatInternational } from "@/components/format/phone-display";
import { isMobileKind, parsePhoneNumber, regionOfCallingCode } from "@/components/format/phone-number";
import { AppError } from "../../errors";

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
