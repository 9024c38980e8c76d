import type { ReactNode } from "react";
import { InboxIcon } from "./icons";

type EmptyStateProps = { title: string; description?: ReactNode; action?: ReactNode; icon?: ReactNode };

export function EmptyState({ title, description, action, icon }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center rounded-lg border border-dashed border-gray-300 bg-white px-6 py-12 text-center">
      <div className="mb-3 rounded-full bg-gray-100 p-3 text-gray-600">{icon ?? <InboxIcon className="size-6" />}</div>
      <h2 className="text-base font-semibold text-gray-900">{title}</h2>
      {description && <div className="mt-1 max-w-sm text-sm text-gray-600">{description}</div>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}
