/**
 * Every action the audit log records. `recordAudit` takes only these, and the log's reader
 * (components/audit/describe-entry.ts) must have a sentence for each, so a new action cannot
 * reach the log without one. Browser-safe.
 */
export const AUDIT_ACTIONS = [
  "user.create",
  "user.update",
  "user.delete",
  "user.password_change",
  "customer.create",
  "customer.update",
  "customer.suspend",
  "customer.activate",
  "customer.assignAccountPlan",
  "customer.assignTariff",
  "partner.create",
  "partner.setBillingPolicy",
  "billing.purchase",
  "billing.credit",
  "accountPlan.create",
  "accountPlan.update",
  "accountPlan.delete",
  "accountPlan.setDefault",
  "tariff.create",
  "tariff.update",
  "tariff.delete",
  "tariff.setDefault",
  "tariff.importRates",
  "tariff.rate.create",
  "tariff.rate.update",
  "tariff.rate.delete",
  "extension.create",
  "extension.update",
  "extension.delete",
  "extension.regenerateCredentials",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
