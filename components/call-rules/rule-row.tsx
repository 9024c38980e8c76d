"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { CallRuleView } from "@/server/modules/routing/rules/service";
import { describeRule, type DestinationNamer } from "./describe-rule";

type Props = {
  rule: CallRuleView;
  index: number;
  count: number;
  nameOf: DestinationNamer;
  isBusy: boolean;
  onMove: (from: number, to: number) => void;
  onEdit: () => void;
  onDelete: () => void;
};

/** One rule in the ordered list: its number, name, what it does in words, and its controls. */
export function RuleRow({ rule, index, count, nameOf, isBusy, onMove, onEdit, onDelete }: Props) {
  return (
    <li className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center" data-rule-name={rule.name}>
      <div className="flex-1">
        <p className="font-medium text-gray-900">
          {index + 1}. {rule.name} {!rule.isEnabled && <Badge tone="warning">Off</Badge>}
        </p>
        <p className="text-sm text-gray-700">{describeRule(rule, nameOf)}</p>
      </div>
      <div className="flex gap-1">
        <Button size="sm" variant="ghost" disabled={isBusy || index === 0} onClick={() => onMove(index, index - 1)} aria-label={`Move ${rule.name} up`}>↑</Button>
        <Button size="sm" variant="ghost" disabled={isBusy || index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={`Move ${rule.name} down`}>↓</Button>
        <Button size="sm" variant="secondary" disabled={isBusy} onClick={onEdit} aria-label={`Edit ${rule.name}`}>Edit</Button>
        <Button size="sm" variant="danger" disabled={isBusy} onClick={onDelete} aria-label={`Delete ${rule.name}`}>Delete</Button>
      </div>
    </li>
  );
}
