/** Cross-tenant cases of the call charges and credit limits procedures (issue 13); spread into cross-tenant.integration.test.ts. */
import type { Case } from "./case-types";

export const CALL_BILLING_CASES: Record<string, Case> = {};
