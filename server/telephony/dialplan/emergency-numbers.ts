/** Emergency short codes by country calling code; shared by the loader and the portal's speed-dial checks. */
const EMERGENCY: Record<string, string[]> = { "44": ["999", "112"], "1": ["911"] };

/** The short codes that reach emergency services from a company in this country. */
export const emergencyNumbersFor = (countryCode: string): string[] => EMERGENCY[countryCode] ?? ["112"];
