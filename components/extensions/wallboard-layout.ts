/**
 * Wallboard geometry: how many columns and how large a tile so that every extension fits on
 * one screen with the biggest legible text. Pure, so it is unit-tested for 10 to 500 tiles.
 */
export type WallboardLayout = {
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
  /** Font size of the extension number, the largest text on a tile. */
  numberFontPx: number;
  /** Font size of the name and the state line. */
  labelFontPx: number;
  /** Lines of small text that fit under the number: 1 = state, 2 = + name, 3 = + who is on the line. */
  labelLines: number;
  gapPx: number;
};

/** Tiles read best wider than tall: "Not registered" and a name need width more than height. */
const IDEAL_ASPECT = 1.6;
const MAX_NUMBER_FONT_PX = 96;
const MIN_LABEL_FONT_PX = 10;

/**
 * The column count that gives each tile the largest usable size in `width` x `height`
 * pixels. A tile's usable size is its height or its width / IDEAL_ASPECT, whichever is less.
 */
export function wallboardLayout(count: number, width: number, height: number): WallboardLayout {
  const n = Math.max(1, count);
  const gapPx = n > 150 ? 4 : n > 40 ? 6 : 10;
  let best = { columns: 1, rows: n, tileWidth: width, tileHeight: height / n, score: -1 };
  for (let columns = 1; columns <= n; columns++) {
    const rows = Math.ceil(n / columns);
    const tileWidth = (width - (columns - 1) * gapPx) / columns;
    const tileHeight = (height - (rows - 1) * gapPx) / rows;
    const score = Math.min(tileWidth / IDEAL_ASPECT, tileHeight);
    if (score > best.score) best = { columns, rows, tileWidth, tileHeight, score };
  }
  const tileHeight = Math.floor(Math.min(best.tileHeight, best.tileWidth)); // no towering tiles for small counts
  const tileWidth = Math.floor(best.tileWidth);
  // Six digits at ~0.6em each must fit the tile's width with some padding.
  const numberFontPx = Math.floor(Math.min(MAX_NUMBER_FONT_PX, tileHeight * 0.34, tileWidth / 4.5));
  const labelFontPx = Math.max(MIN_LABEL_FONT_PX, Math.floor(numberFontPx * 0.45));
  // 6 px for the tile's border and breathing room; line heights as the tile sets them.
  const free = tileHeight - 6 - numberFontPx * 1.05;
  const labelLines = Math.max(1, Math.min(3, Math.floor(free / (labelFontPx * 1.2))));
  return { columns: best.columns, rows: best.rows, tileWidth, tileHeight, numberFontPx, labelFontPx, labelLines, gapPx };
}
