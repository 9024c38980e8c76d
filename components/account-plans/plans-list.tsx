import { useFormat } from "@/components/format/format-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ACCOUNT_TYPES, ACCOUNT_TYPE_LABELS } from "@/server/modules/billing/schema";
import type { EditablePlan } from "./plan-form";

export type PlanRow = Omit<EditablePlan, "bands"> & {
  isDefault: boolean;
  tenant: { id: string; name: string } | null;
  bands: (EditablePlan["bands"][number] & { id: string; label: string })[];
};

type PlansListProps = {
  plans: readonly PlanRow[];
  onEdit: (plan: PlanRow) => void;
  onMakeDefault: (plan: PlanRow) => void;
  onDelete: (plan: PlanRow) => void;
  pendingDefaultId: string | null;
};

/** Plans grouped by account type, each with its bands spelled out as a customer would see them. */
export function PlansList({ plans, onEdit, onMakeDefault, onDelete, pendingDefaultId }: PlansListProps) {
  const format = useFormat();
  return (
    <div className="space-y-8">
      {ACCOUNT_TYPES.map((type) => {
        const ofType = plans.filter((p) => p.accountType === type);
        const headingId = `plans-${type}`;
        return (
          <section key={type} aria-labelledby={headingId} className="space-y-3">
            <h2 id={headingId} className="text-base font-semibold text-gray-900">
              {ACCOUNT_TYPE_LABELS[type]}
            </h2>
            {ofType.length === 0 ? (
              <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-5 text-sm text-gray-600">
                No plan yet: customers cannot buy {ACCOUNT_TYPE_LABELS[type].toLowerCase()}s until you create one.
              </p>
            ) : (
              <ul className="grid gap-4 md:grid-cols-2">
                {ofType.map((plan) => (
                  <li key={plan.id} className="flex flex-col rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <h3 className="font-semibold text-gray-900">{plan.name}</h3>
                      {plan.isDefault && <Badge tone="accent">Default</Badge>}
                      {plan.tenant && <Badge tone="warning">Only {plan.tenant.name}</Badge>}
                    </div>
                    <ul className="mt-3 space-y-1 text-sm text-gray-800" aria-label={`Bands of ${plan.name}`}>
                      {plan.bands.map((band) => (
                        <li key={band.id} className="flex justify-between gap-4 tabular-nums">
                          <span>{band.maxQuantity === null ? `${band.minQuantity} and above` : `${band.label} accounts`}</span>
                          <span className="font-medium">{format.money(band.monthlyPrice, plan.currency)} each</span>
                        </li>
                      ))}
                    </ul>
                    <p className="mt-2 text-xs text-gray-600">Setup fee {format.money(plan.setupFee, plan.currency)} per new account · {plan.currency}</p>
                    <div className="mt-4 flex flex-wrap gap-2 border-t border-gray-100 pt-3">
                      <Button variant="secondary" size="sm" onClick={() => onEdit(plan)} aria-label={`Edit ${plan.name}`}>
                        Edit
                      </Button>
                      {!plan.isDefault && !plan.tenant && (
                        <Button variant="secondary" size="sm" onClick={() => onMakeDefault(plan)} isLoading={pendingDefaultId === plan.id} aria-label={`Make ${plan.name} the default`}>
                          Make default
                        </Button>
                      )}
                      {!plan.isDefault && (
                        <Button variant="ghost" size="sm" className="text-red-700 hover:text-red-800" onClick={() => onDelete(plan)} aria-label={`Delete ${plan.name}`}>
                          Delete
                        </Button>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
