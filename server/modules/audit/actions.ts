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
  "numbers.buy",
  "numbers.order",
  "numbers.cancel",
  "didSupplier.create",
  "didSupplier.update",
  "didSupplier.delete",
  "numbers.inventory.create",
  "numbers.inventory.update",
  "numbers.inventory.retire",
  "numbers.inventory.import",
  "numbers.tier.create",
  "numbers.tier.update",
  "numbers.tier.delete",
  "numbers.price.upsert",
  "numbers.price.delete",
  "callerId.verify",
  "callerId.addUnverified",
  "callerId.remove",
  "sms.setGateway",
  "sms.removeGateway",
  "partner.setCallerIdPolicy",
  "number.setDestination",
  "forwarding.save",
  "forwarding.setDoNotDisturb",
  "huntGroup.create",
  "huntGroup.update",
  "huntGroup.delete",
  "routing.rules.save",
  "routing.holiday.add",
  "routing.holiday.remove",
  "ivrMenu.create",
  "ivrMenu.update",
  "ivrMenu.delete",
  "callQueue.create",
  "callQueue.update",
  "callQueue.delete",
  "callQueue.setMemberLogin",
  "routing.blockList.add",
  "routing.blockList.remove",
  "routing.speedDial.create",
  "routing.speedDial.update",
  "routing.speedDial.delete",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What the log can be filtered by: each action belongs to one area. */
export const AUDIT_AREAS = ["users", "customers", "partners", "extensions", "billing", "plans", "tariffs", "numbers", "callerId", "routing"] as const;
export type AuditArea = (typeof AUDIT_AREAS)[number];

export const AUDIT_AREA_LABELS: Record<AuditArea, string> = {
  users: "Users and passwords",
  customers: "Customers",
  partners: "Partners",
  extensions: "Extensions",
  billing: "Purchases and credits",
  plans: "Account plans",
  tariffs: "Tariffs and rates",
  numbers: "Numbers",
  callerId: "Caller ID and text messages",
  routing: "Call routing",
};

const AREA_BY_PREFIX: Record<string, AuditArea> = {
  user: "users",
  customer: "customers",
  partner: "partners",
  extension: "extensions",
  billing: "billing",
  accountPlan: "plans",
  tariff: "tariffs",
  numbers: "numbers",
  didSupplier: "numbers",
  callerId: "callerId",
  sms: "callerId",
  number: "numbers",
  forwarding: "routing",
  huntGroup: "routing",
  ivrMenu: "routing",
  callQueue: "routing",
  routing: "routing",
};

/** The actions of one area, for a query's `action IN (…)`. */
export function actionsOfArea(area: AuditArea): AuditAction[] {
  // Assigning a plan or tariff to a customer is the plan's or tariff's business.
  const overrides: Partial<Record<AuditAction, AuditArea>> = { "customer.assignAccountPlan": "plans", "customer.assignTariff": "tariffs", "partner.setBillingPolicy": "plans", "partner.setCallerIdPolicy": "callerId" };
  return AUDIT_ACTIONS.filter((action) => (overrides[action] ?? AREA_BY_PREFIX[action.split(".")[0]!]) === area);
}
