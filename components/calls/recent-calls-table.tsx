"use client";

import { RecordingLink } from "@/components/recordings/recording-link";
import { formatDuration } from "@/components/recordings/format-duration";
import { useFormat } from "@/components/format/format-provider";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { CallButton } from "@/components/callbacks/call-button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { CallStatus } from "@/server/modules/calls/schema";
import { CallParty, type CallPartyView } from "./call-party";

export type RecentCallRow = {
  id: string;
  direction: "INBOUND" | "OUTBOUND" | "INTERNAL";
  startedAt: Date;
  caller: CallPartyView;
  called: CallPartyView;
  answeredBy: string | null;
  status: CallStatus;
  durationSec: number;
  cost?: { amount: string | null; currency: string | null; ratePerMinute: string | null };
  /** Set only when the viewer may hear the call's recording. */
  recordingId?: string;
};

const DIRECTION: Record<RecentCallRow["direction"], string> = { INBOUND: "Incoming", OUTBOUND: "Outgoing", INTERNAL: "Internal" };
const STATUS: Record<CallStatus, { label: string; tone: BadgeTone }> = {
  answered: { label: "Answered", tone: "success" },
  missed: { label: "Missed", tone: "warning" },
  busy: { label: "Busy", tone: "neutral" },
  failed: { label: "Failed", tone: "danger" },
};

type Props = {
  calls: readonly RecentCallRow[];
  /** The viewer may see costs: the server sent them (absent fields otherwise). */
  showsCosts: boolean;
  canBlock: boolean;
  onBlock: (call: RecentCallRow) => void;
  onAddContact: (call: RecentCallRow, number: string) => void;
};

/** The other party worth saving or blocking: the outside caller of an incoming call, the number called on an outgoing one. */
export const outsideNumberOf = (c: RecentCallRow) => (c.direction === "INBOUND" ? c.caller.number : c.direction === "OUTBOUND" ? c.called.number : null);

/** Today's calls; the outside party's number can be called back (click-to-call). */
export function RecentCallsTable({ calls, showsCosts, canBlock, onBlock, onAddContact }: Props) {
  const format = useFormat();
  return (
    <Table caption="Recent calls">
      <THead>
        <Th>Time</Th>
        <Th>Direction</Th>
        <Th>From</Th>
        <Th>To</Th>
        <Th>Status</Th>
        <Th>Duration</Th>
        {showsCosts && <Th>Rate</Th>}
        {showsCosts && <Th>Cost</Th>}
        <Th className="text-right">Actions</Th>
      </THead>
      <TBody>
        {calls.map((c) => {
          const outside = outsideNumberOf(c);
          const isPhoneNumber = outside?.startsWith("+") ?? false;
          return (
            <Tr key={c.id}>
              <Td card="title" className="whitespace-nowrap"><LocalTime value={c.startedAt} /></Td>
              <Td label="Direction">{DIRECTION[c.direction]}</Td>
              <Td label="From"><CallParty party={c.caller} /></Td>
              <Td label="To">
                <CallParty party={c.called} />
                {c.answeredBy && c.direction === "INBOUND" && <span className="block text-xs text-gray-600">Answered by {c.answeredBy}</span>}
              </Td>
              <Td label="Status"><Badge tone={STATUS[c.status].tone}>{STATUS[c.status].label}</Badge></Td>
              <Td label="Duration" className="tabular-nums">{formatDuration(c.durationSec * 1000)}</Td>
              {showsCosts && <Td label="Rate" className="tabular-nums">{c.cost?.ratePerMinute && c.cost.currency ? `${format.money(c.cost.ratePerMinute, c.cost.currency)}/min` : "—"}</Td>}
              {showsCosts && <Td label="Cost" className="tabular-nums">{c.cost?.amount && c.cost.currency ? format.money(c.cost.amount, c.cost.currency) : "—"}</Td>}
              <Td label="Actions" card="actions" className="text-right whitespace-nowrap">
                {c.recordingId && <RecordingLink recordingId={c.recordingId} callLabel={`the call from ${c.caller.number} to ${c.called.number}`} />}
                {outside && isPhoneNumber && <CallButton number={outside} />}
                {outside && isPhoneNumber && (
                  <Button variant="ghost" size="sm" onClick={() => onAddContact(c, outside)} aria-label={`Add ${outside} to the phone book`}>Add to phone book</Button>
                )}
                {canBlock && c.direction === "INBOUND" && isPhoneNumber && (
                  <Button variant="ghost" size="sm" onClick={() => onBlock(c)} aria-label={`Block ${c.caller.number}`}>Block caller</Button>
                )}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
