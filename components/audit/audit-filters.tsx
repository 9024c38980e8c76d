"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/form-field";
import { useDebounced } from "@/components/ui/use-debounced";
import { AUDIT_AREA_LABELS, AUDIT_AREAS, type AuditArea } from "@/server/modules/audit/actions";
import { AUDIT_PERIOD_LABELS, AUDIT_PERIODS, type AuditPeriod, type TAuditFilter } from "@/server/modules/audit/schema";
import { singleLine } from "@/server/validation/text";

const ANY = "";
const ZWho = singleLine().max(254, "Use at most 254 characters");

/** Who, what and when above an audit log. The typed name is sent once the typing pauses. */
export function AuditFilters({ onChange }: { onChange: (filter: TAuditFilter) => void }) {
  const [who, setWho] = useState("");
  const [what, setWhat] = useState<AuditArea | typeof ANY>(ANY);
  const [when, setWhen] = useState<AuditPeriod | typeof ANY>(ANY);
  const debouncedWho = useDebounced(who, 300);
  // Checked here as the server checks it, so a pasted control character says why at once.
  const whoCheck = ZWho.safeParse(debouncedWho);
  const whoError = whoCheck.success ? undefined : whoCheck.error.issues[0]?.message;
  const whoValue = whoCheck.success ? whoCheck.data : "";

  useEffect(() => {
    onChange({ ...(whoValue ? { who: whoValue } : {}), ...(what ? { what } : {}), ...(when ? { when } : {}) });
  }, [whoValue, what, when, onChange]);

  const isFiltered = who !== "" || what !== ANY || when !== ANY;
  return (
    <form role="search" aria-label="Filter the log" className="mb-4 grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end" onSubmit={(e) => e.preventDefault()}>
      <TextField label="Who" type="search" placeholder="Part of an email" value={who} onChange={(e) => setWho(e.target.value)} error={whoError} autoComplete="off" />
      <SelectField
        label="What"
        value={what}
        onChange={(e) => setWhat(e.target.value as AuditArea | typeof ANY)}
        options={[{ value: ANY, label: "Everything" }, ...AUDIT_AREAS.map((area) => ({ value: area, label: AUDIT_AREA_LABELS[area] }))]}
      />
      <SelectField
        label="When"
        value={when}
        onChange={(e) => setWhen(e.target.value as AuditPeriod | typeof ANY)}
        options={[{ value: ANY, label: "Any time" }, ...AUDIT_PERIODS.map((period) => ({ value: period, label: AUDIT_PERIOD_LABELS[period] }))]}
      />
      <Button
        variant="secondary"
        type="button"
        disabled={!isFiltered}
        onClick={() => {
          setWho("");
          setWhat(ANY);
          setWhen(ANY);
        }}
      >
        Clear filters
      </Button>
    </form>
  );
}
