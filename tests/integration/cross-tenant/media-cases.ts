/** Cross-tenant cases of the media procedures (issue 12); spread into cross-tenant.integration.test.ts. */
import type { Case } from "./case-types";

export const MEDIA_CASES: Record<string, Case> = {};
