/**
 * Reordering, pure: the one move every sortable list makes (drag and drop, keyboard or the
 * up/down buttons), and the sentences screen readers hear about it. Positions are 1-based in
 * words because people count that way.
 */

/** A copy of `items` with the item at `from` moved to `to`; out-of-range moves change nothing. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return copy;
  const [moved] = copy.splice(from, 1);
  copy.splice(to, 0, moved!);
  return copy;
}

const position = (index: number, count: number) => `position ${index + 1} of ${count}`;

export const REORDER_MESSAGES = {
  instructions: "To reorder, press space or enter to pick an item up, the arrow keys to move it, space or enter to drop it, escape to cancel.",
  pickedUp: (name: string, index: number, count: number) => `Picked up ${name}, ${position(index, count)}.`,
  over: (name: string, index: number, count: number) => `${name} is over ${position(index, count)}.`,
  moved: (name: string, index: number, count: number) => `Moved ${name} to ${position(index, count)}.`,
  unchanged: (name: string, index: number, count: number) => `${name} dropped back at ${position(index, count)}.`,
  cancelled: (name: string, index: number, count: number) => `Reordering cancelled. ${name} stays at ${position(index, count)}.`,
};
