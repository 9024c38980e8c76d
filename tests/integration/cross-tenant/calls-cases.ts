/** Cross-tenant cases of the recent calls and phone book procedures (issue 13); spread into cross-tenant.integration.test.ts. */
import type { Case } from "./case-types";

export const CALLS_CASES: Record<string, Case> = {};
