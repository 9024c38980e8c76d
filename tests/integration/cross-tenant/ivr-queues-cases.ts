/** Cross-tenant cases of the ivr-queues procedures (issue 12); spread into cross-tenant.integration.test.ts. */
import type { Case } from "./case-types";

export const IVR_QUEUE_CASES: Record<string, Case> = {};
