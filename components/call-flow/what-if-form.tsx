"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { ZWhatIfInput, type TFlowEntry, type TWhatIfInput } from "@/server/modules/routing/what-if/schema";

type Props = {
  entry: TFlowEntry;
  /** A number's own questions: the number dialled is the number itself. */
  fixedDialled: string | null;
  isPending: boolean;
  /** Field errors from the server ("at": a time the clocks skip). */
  serverErrors: Record<string, string>;
  onAsk: (question: TWhatIfInput) => void;
};

/** The next Monday's date, local, as the form's starting point ("on Monday at 10:00"). */
function nextMonday(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ((8 - now.getDay()) % 7 || 7));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** "+1 212 555 0100 calls on Monday at 10:00": caller, number dialled, date and time. */
export function WhatIfForm({ entry, fixedDialled, isPending, serverErrors, onAsk }: Props) {
  const [form, setForm] = useState({ caller: "", dialled: "", date: nextMonday(), time: "10:00" });
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...serverErrors, ...localErrors };

  function submit(event: FormEvent) {
    event.preventDefault();
    const question = { entry, caller: form.caller, at: `${form.date}T${form.time}`, ...(fixedDialled === null && form.dialled.trim() ? { dialled: form.dialled } : {}) };
    const parsed = ZWhatIfInput.safeParse(question);
    if (!parsed.success) {
      const flat = parsed.error.flatten().fieldErrors as Record<string, string[] | undefined>;
      return setLocalErrors(Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, v?.[0] ?? ""])));
    }
    setLocalErrors({});
    onAsk(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-2" aria-label="What happens if">
      <TextField label="Caller" placeholder="+1 212 555 0100 (or “withheld”, or an extension)" hint="e.g. +1 212 555 0100 on Monday 10:00" value={form.caller} onChange={(e) => setForm({ ...form, caller: e.target.value })} error={errors.caller} autoComplete="off" />
      {fixedDialled === null ? (
        <TextField label="Number dialled (optional)" placeholder="+44 20 7946 0000" value={form.dialled} onChange={(e) => setForm({ ...form, dialled: e.target.value })} error={errors.dialled} autoComplete="off" />
      ) : (
        <TextField label="Number dialled" value={fixedDialled} readOnly />
      )}
      <TextField label="Date" type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} error={errors.at} />
      <TextField label="Time (your company’s time zone)" type="time" value={form.time} onChange={(e) => setForm({ ...form, time: e.target.value })} />
      <div className="sm:col-span-2">
        <Button type="submit" isLoading={isPending}>What happens?</Button>
      </div>
    </form>
  );
}
