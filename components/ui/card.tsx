import type { ReactNode } from "react";

type CardProps = { title?: string; description?: ReactNode; actions?: ReactNode; children?: ReactNode; className?: string };

export function Card({ title, description, actions, children, className = "" }: CardProps) {
  return (
    <section className={`rounded-lg border border-gray-200 bg-white p-5 shadow-sm ${className}`}>
      {(title || actions) && (
        <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
          <div>
            {title && <h2 className="text-base font-semibold text-gray-900">{title}</h2>}
            {description && <p className="mt-1 text-sm text-gray-600">{description}</p>}
          </div>
          {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}

/** A term/value list for record details. */
export function DetailList({ items }: { items: readonly { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-4 sm:grid-cols-2">
      {items.map((item) => (
        <div key={item.label}>
          <dt className="text-xs font-medium tracking-wide text-gray-600 uppercase">{item.label}</dt>
          <dd className="mt-1 text-sm break-words text-gray-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
