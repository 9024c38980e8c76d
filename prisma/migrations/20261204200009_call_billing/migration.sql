-- Hand-written (issue 13, call billing): the worker asks per call whether a prepaid company is
-- out of credit, summing only its recent ledger entries (server/telephony/dialplan/
-- credit-state-store.ts). With the amount included, that sum is an index-only range scan
-- however many entries the company has.
CREATE INDEX "LedgerEntry_credit_tail_idx" ON "LedgerEntry"("tenantId", "currency", "createdAt") INCLUDE ("amount");
