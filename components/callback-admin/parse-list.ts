/** Splits what a person typed into a list field: commas, spaces or new lines between items. */
export const parseList = (typed: string) => typed.split(/[\s,;]+/).map((item) => item.trim()).filter(Boolean);
