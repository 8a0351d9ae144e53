/**
 * The incidents layer for large datasets (beyond EACH_UP_TO incidents): one canvas, redrawn when
 * the map stops moving, with the points binned into cells of CELL pixels at the current zoom. A cell
 * is drawn at the mean position of its incidents, area by how many there are, coloured by side
 * (grey when both sides are in it). At street-level zooms cells hold single incidents, so the map
 * goes from density to individual points as the reader zooms in. The projection of 100,000 points
 * is done once, the binning once per zoom level; a pan only redraws the visible cells.
 */
import L from 'leaflet';
import type { MapPoints } from '../lib/map/map-data';

const CELL = 30;
/** The most incident indices a cell keeps for the details list. */
const KEEP = 30;

export interface Cell {
  x: number;
  y: number;
  r: number;
  n: number;
  iran: number;
  indices: number[];
}
/** A cell in world pixels at one zoom level. */
interface WorldCell {
  wx: number;
  wy: number;
  n: number;
  iran: number;
  r: number;
  indices: number[];
}

export interface CellColours {
  iran: string;
  pakistan: string;
  mixed: string;
  text: string;
  bg: string;
  focus: string;
}

export class IncidentCells extends L.Layer {
  private canvas?: HTMLCanvasElement;
  private readonly wx: Float64Array;
  private readonly wy: Float64Array;
  cells: Cell[] = [];
  selected: number | undefined;
  private bins?: { zoom: number; cells: WorldCell[] };

  /**
   * `colours` can be replaced (a change of colour scheme) before a draw. `marks`: record each
   * redraw's duration as a performance measure, for the scale benchmark only (it sets
   * window.__mapBenchMarks before the page loads); readers' pages record nothing.
   */
  constructor(
    private readonly points: MapPoints,
    public colours: CellColours,
    private readonly marks = false,
  ) {
    super();
    const n = points.ids.length;
    this.wx = new Float64Array(n);
    this.wy = new Float64Array(n);
    // Web Mercator at zoom 0 (256 px world), once.
    for (let i = 0; i < n; i++) {
      const phi = (points.lat[i]! * Math.PI) / 180;
      this.wx[i] = ((points.lon[i]! + 180) / 360) * 256;
      this.wy[i] = (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) * 256;
    }
  }

  override onAdd(map: L.Map): this {
    this.canvas = L.DomUtil.create('canvas', 'map-cells leaflet-zoom-hide') as HTMLCanvasElement;
    this.canvas.setAttribute('aria-hidden', 'true');
    map.getPane('overlayPane')!.append(this.canvas);
    map.on('moveend resize', this.draw, this);
    this.draw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend resize', this.draw, this);
    this.canvas?.remove();
    this.canvas = undefined;
    this.cells = [];
    return this;
  }

  /** Every point into cells of CELL world pixels at this scale; each cell at its points' mean. */
  private bin(scale: number): WorldCell[] {
    const acc = new Map<number, { sx: number; sy: number; n: number; iran: number; indices: number[] }>();
    const { side } = this.points;
    const { wx, wy } = this;
    const perRow = Math.ceil((256 * scale) / CELL) + 1;
    for (let i = 0; i < wx.length; i++) {
      const x = wx[i]! * scale;
      const y = wy[i]! * scale;
      const key = Math.floor(y / CELL) * perRow + Math.floor(x / CELL);
      let b = acc.get(key);
      if (!b) {
        b = { sx: 0, sy: 0, n: 0, iran: 0, indices: [] };
        acc.set(key, b);
      }
      b.sx += x;
      b.sy += y;
      b.n += 1;
      if (side.charCodeAt(i) === 105 /* i */) b.iran += 1;
      if (b.indices.length < KEEP) b.indices.push(i);
    }
    // Area by count, relative to the fullest cell at this zoom; never wider than the cell.
    let most = 1;
    for (const b of acc.values()) most = Math.max(most, b.n);
    return [...acc.values()].map((b) => ({
      wx: b.sx / b.n,
      wy: b.sy / b.n,
      n: b.n,
      iran: b.iran,
      indices: b.indices,
      r: 3 + (CELL / 2 - 4) * Math.sqrt(b.n / most),
    }));
  }

  draw(): void {
    const map = this._map as L.Map | undefined;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const t0 = this.marks ? performance.now() : 0;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== size.x * ratio || canvas.height !== size.y * ratio) {
      canvas.width = size.x * ratio;
      canvas.height = size.y * ratio;
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    const topLeft = map.containerPointToLayerPoint([0, 0]);
    L.DomUtil.setPosition(canvas, topLeft);
    const origin = map.getPixelOrigin();
    const scale = 2 ** map.getZoom();
    const ox = origin.x + topLeft.x;
    const oy = origin.y + topLeft.y;
    // Cells are aligned to the world, not the screen, and binned once per zoom level: panning
    // moves them with the map and only redraws the visible ones.
    const zoom = map.getZoom();
    if (!this.bins || this.bins.zoom !== zoom) this.bins = { zoom, cells: this.bin(scale) };
    this.cells = [];
    for (const w of this.bins.cells) {
      const x = w.wx - ox;
      const y = w.wy - oy;
      if (x < -CELL || y < -CELL || x > size.x + CELL || y > size.y + CELL) continue;
      this.cells.push({ x, y, n: w.n, iran: w.iran, indices: w.indices, r: w.r });
    }
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    ctx.font = '600 10px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    // One path per colour (three fills and three strokes, not one per cell).
    const groups: [string, Cell[]][] = [
      [this.colours.iran, []],
      [this.colours.pakistan, []],
      [this.colours.mixed, []],
    ];
    for (const c of this.cells) groups[c.iran === c.n ? 0 : c.iran === 0 ? 1 : 2]![1].push(c);
    ctx.lineWidth = 1.25;
    for (const [colour, list] of groups) {
      if (!list.length) continue;
      ctx.beginPath();
      for (const c of list) {
        ctx.moveTo(c.x + c.r, c.y);
        ctx.arc(c.x, c.y, c.r, 0, 2 * Math.PI);
      }
      ctx.globalAlpha = 0.35;
      ctx.fillStyle = colour;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.strokeStyle = colour;
      ctx.stroke();
    }
    ctx.fillStyle = this.colours.text;
    for (const c of this.cells) {
      if (c.n > 1 && c.r >= 9) ctx.fillText(c.n > 999 ? `${Math.round(c.n / 100) / 10}k` : String(c.n), c.x, c.y);
    }
    if (this.selected !== undefined) {
      const x = this.wx[this.selected]! * scale - ox;
      const y = this.wy[this.selected]! * scale - oy;
      ctx.beginPath();
      ctx.arc(x, y, 8, 0, 2 * Math.PI);
      ctx.lineWidth = 3;
      ctx.strokeStyle = this.colours.focus;
      ctx.stroke();
    }
    // For the scale benchmark only: how long each redraw takes (performance.getEntriesByName).
    if (this.marks) performance.measure('incident-cells-draw', { start: t0 });
  }

  /** The cell under a point of the map's container, if any. */
  cellAt(p: L.Point): Cell | undefined {
    let best: Cell | undefined;
    let bestD = Infinity;
    for (const c of this.cells) {
      const d = Math.hypot(c.x - p.x, c.y - p.y);
      if (d <= Math.max(c.r, 6) && d < bestD) {
        best = c;
        bestD = d;
      }
    }
    return best;
  }
}
