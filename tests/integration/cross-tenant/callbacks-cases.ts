/** Cross-tenant cases of the web-callback procedures (issue 14); spread into cross-tenant.integration.test.ts. */
import type { Case } from "./case-types";

export const CALLBACK_CASES: Record<string, Case> = {};
