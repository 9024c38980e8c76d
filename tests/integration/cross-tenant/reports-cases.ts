/** Cross-tenant cases of the call reports procedures (issue 13); spread into cross-tenant.integration.test.ts. */
import type { Case } from "./case-types";

export const REPORTS_CASES: Record<string, Case> = {};
