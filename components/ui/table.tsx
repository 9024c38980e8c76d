import type { ComponentProps, ReactNode } from "react";

/** A table in a bordered card that scrolls sideways on narrow screens instead of squashing. */
export function Table({ caption, children }: { caption?: string; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm" tabIndex={0} role="region" aria-label={caption ?? "Table"}>
      <table className="min-w-full divide-y divide-gray-200 text-left text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="bg-gray-50">
      <tr>{children}</tr>
    </thead>
  );
}

export function Th({ children, className = "", ...rest }: ComponentProps<"th">) {
  return (
    <th scope="col" className={`px-4 py-3 text-xs font-semibold tracking-wide whitespace-nowrap text-gray-700 uppercase ${className}`} {...rest}>
      {children}
    </th>
  );
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-gray-100">{children}</tbody>;
}

export function Tr({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <tr className={`hover:bg-gray-50 ${className}`}>{children}</tr>;
}

export function Td({ children, className = "", ...rest }: ComponentProps<"td">) {
  return (
    <td className={`px-4 py-3 align-middle text-gray-800 ${className}`} {...rest}>
      {children}
    </td>
  );
}
