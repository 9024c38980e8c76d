import { ROLE_LABELS } from "@/components/users/role-badge";

const ACTION_LABELS: Record<string, string> = {
  "user.create": "Added a user",
  "user.update": "Changed a user",
  "user.delete": "Removed a user",
  "user.password_change": "Changed their password",
  "customer.create": "Created a customer",
  "customer.update": "Renamed a customer",
  "customer.suspend": "Suspended a customer",
  "customer.activate": "Activated a customer",
  "partner.create": "Created a partner",
};

/** "user.password_change" → "User password change", for actions added after this list. */
export function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const text = action.replace(/[._]+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Details = Record<string, unknown>;

const asRecord = (value: unknown): Details | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Details) : null;

function show(field: string, value: unknown): string {
  if (field === "role" && typeof value === "string" && value in ROLE_LABELS) return ROLE_LABELS[value as keyof typeof ROLE_LABELS];
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** One human line about what changed, from the row's `details` JSON; "" when there is nothing to add. */
export function describeDetails(details: Json | unknown): string {
  const d = asRecord(details);
  if (!d) return "";
  const before = asRecord(d.before);
  const after = asRecord(d.after);
  if (before && after) {
    const changes = Object.keys(after)
      .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      .map((key) => `${key}: ${show(key, before[key])} → ${show(key, after[key])}`);
    return changes.length > 0 ? changes.join("; ") : "No changes";
  }
  if (typeof d.from === "string" && typeof d.to === "string") return `${d.from.toLowerCase()} → ${d.to.toLowerCase()}`;
  const parts: string[] = [];
  if (typeof d.name === "string") parts.push(d.name);
  if (typeof d.email === "string") parts.push(d.email);
  if (typeof d.role === "string") parts.push(`as ${show("role", d.role)}`);
  return parts.join(" ");
}
