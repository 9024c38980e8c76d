import { PhoneNumberText } from "@/components/format/phone-number-text";

export type CallPartyView = { number: string; extension: { number: string; displayName: string } | null; contactName: string | null };

/** A caller or called party: the name we know (phone book, else extension), then the number, formatted. */
export function CallParty({ party }: { party: CallPartyView }) {
  const name = party.contactName ?? party.extension?.displayName ?? null;
  const number = party.number.startsWith("+") ? <PhoneNumberText e164={party.number} /> : <span className="tabular-nums">{party.number === "anonymous" ? "Withheld" : `Ext. ${party.number}`}</span>;
  return (
    <span className="flex flex-col">
      {name && <span className="font-medium text-gray-900">{name}</span>}
      <span className={name ? "text-xs text-gray-600" : ""}>{number}</span>
    </span>
  );
}
