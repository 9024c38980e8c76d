/**
 * Which short codes a company may use as speed dials. A phone sends what was dialled at once
 * or after a pause, so a code must not be, nor start, a number that already means something:
 * "9" would swallow "999", and "20" would make extension "201" unreachable for anyone who
 * pauses. Pure: the service passes in what the company has.
 */
export type NumberSpace = {
  emergencyNumbers: readonly string[];
  /** Extensions', hunt groups' and call queues' numbers, with what they are ("extension 201 (Alice)"). */
  internal: readonly { number: string; title: string }[];
};

/** Why `code` cannot be a speed dial here, or null. */
export function speedDialCodeProblem(code: string, space: NumberSpace): string | null {
  const emergency = space.emergencyNumbers.find((n) => n === code || n.startsWith(code));
  if (emergency) return emergency === code ? `${code} is an emergency number.` : `${code} is the start of the emergency number ${emergency}.`;
  const same = space.internal.find((n) => n.number === code);
  if (same) return `${code} is already ${same.title}.`;
  const longer = space.internal.find((n) => n.number.startsWith(code));
  if (longer) return `${code} is the start of ${longer.title}'s number ${longer.number}.`;
  return null;
}
