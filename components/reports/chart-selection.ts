/**
 * Which extensions the chart compares before anyone picks. A plain module, not the picker's
 * "use client" file: a server page importing from that gets client references, not values.
 */

/** Most charts stay readable up to here; beyond, the pie folds the rest into "Others". */
export const MAX_COMPARED = 24;

/** The first extensions, up to the limit. */
export const defaultSelection = (extensions: readonly { id: string }[]): string[] => extensions.slice(0, MAX_COMPARED).map((x) => x.id);
