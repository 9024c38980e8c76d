import type { ComponentProps, ReactNode } from "react";

/*
 * One table, two layouts. From `md` up it is an ordinary table (scrolling sideways inside its
 * region if it must). Below `md` every row becomes a card: the `title` cells form its heading,
 * each `label`led cell shows its column's name beside the value, the `actions` cell closes it.
 * Only the title cells move (to the top); nothing is duplicated, so tests and screen readers see one set of rows and buttons.
 *
 * Restyling a table's display drops its table semantics in some browsers, so every element
 * also carries its role explicitly: the header stays (visually hidden) and keeps naming the
 * cells of each column. The card labels are CSS content with empty alternative text
 * (`content: … / ""`): seen, not read twice, and absent from textContent.
 */

/** A table in a bordered card; below `md` a stack of row cards. */
export function Table({ caption, children }: { caption?: string; children: ReactNode }) {
  return (
    <div
      className="relative overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm max-md:overflow-visible max-md:border-0 max-md:bg-transparent max-md:shadow-none"
      tabIndex={0}
      role="region"
      aria-label={caption ?? "Table"}
    >
      <table role="table" className="min-w-full divide-y divide-gray-200 text-left text-sm max-md:block max-md:divide-y-0">
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead role="rowgroup" className="bg-gray-50 max-md:sr-only">
      <tr role="row">{children}</tr>
    </thead>
  );
}

export function Th({ children, className = "", ...rest }: ComponentProps<"th">) {
  return (
    <th role="columnheader" scope="col" className={`px-4 py-3 text-xs font-semibold tracking-wide whitespace-nowrap text-gray-700 uppercase ${className}`} {...rest}>
      {children}
    </th>
  );
}

export function TBody({ children }: { children: ReactNode }) {
  return (
    <tbody role="rowgroup" className="divide-y divide-gray-100 max-md:block max-md:space-y-3">
      {children}
    </tbody>
  );
}

export function Tr({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <tr role="row" className={`hover:bg-gray-50 max-md:flex max-md:flex-wrap max-md:items-baseline max-md:rounded-lg max-md:border max-md:border-gray-200 max-md:bg-white max-md:px-4 max-md:py-3 max-md:shadow-sm ${className}`}>
      {children}
    </tr>
  );
}

/** Where a cell goes in the card: its heading, a labelled line (the default), or its buttons. */
type CardSlot = "title" | "field" | "actions";

// Below md, caller classes sized for a table row (nowrap, min widths, right alignment) would
// push a card past the screen's edge, so card mode overrides them. The row is a wrapping flex
// line: title cells share the first line whatever their column, each field takes a line.
const CARD_CELL = "max-md:whitespace-normal max-md:[overflow-wrap:anywhere] max-md:min-w-0 max-md:max-w-none max-md:text-left max-md:px-0";
const CARD_SLOT: Record<CardSlot, string> = {
  title: "max-md:order-first max-md:py-0 max-md:pr-2 max-md:pb-1 max-md:text-base max-md:font-semibold max-md:text-gray-900",
  field: "max-md:w-full max-md:py-1",
  actions: "max-md:order-last max-md:w-full max-md:pt-2 max-md:pb-0",
};
const CARD_LABEL =
  "max-md:relative max-md:pl-28 max-md:before:absolute max-md:before:left-0 max-md:before:w-26 max-md:before:text-xs max-md:before:leading-5 max-md:before:font-medium max-md:before:text-gray-600 max-md:before:content-[attr(data-label)_/_'']";

type TdProps = ComponentProps<"td"> & {
  /** The column's name, shown beside the value when the row is a card. */
  label?: string;
  card?: CardSlot;
};

export function Td({ children, className = "", label, card = "field", ...rest }: TdProps) {
  const cardClasses = `${CARD_CELL} ${CARD_SLOT[card]} ${label && card === "field" ? CARD_LABEL : ""}`;
  return (
    <td role="cell" data-label={label} className={`px-4 py-3 align-middle text-gray-800 ${cardClasses} ${className}`} {...rest}>
      {children}
    </td>
  );
}
