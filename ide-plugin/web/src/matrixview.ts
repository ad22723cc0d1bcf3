// The dependency-matrix view (DSM) for apps too big to draw class by class: one row and one column per
// package (or bundle), a cell where the row depends on the column, darker for more references. Drawn on
// a canvas: the cells once per matrix into an offscreen layer, then each restyle repaints only the
// status strips, module bands and the cells that point into the module.

import type { Colour, Evaluation, Matrix, MatrixLevel } from './api';

export interface MatrixViewHost {
  describe(id: string): string;
  shortName(id: string): string;
  dropIntoModule(ids: string[]): void;
  selectionChanged(ids: string[]): void;
  showTooltipText(text: string, x: number, y: number): void;
  hideTooltip(): void;
  dropTarget(): HTMLElement;
  /** A row was double-clicked: open it in the graph view. */
  open(id: string): void;
}

export const PALETTE: Record<Colour, [number, number, number]> = {
  green: [0x2d, 0xa4, 0x4e],
  blue: [0x44, 0x93, 0xf8],
  yellow: [0xe3, 0xb3, 0x41],
  red: [0xe5, 0x53, 0x4b],
  none: [0xcf, 0xd4, 0xda],
};

const STRIP = 12;
const LABEL_WIDTH = 220;

function rgb(c: [number, number, number], alpha = 1): string {
  return alpha === 1 ? `rgb(${c[0]},${c[1]},${c[2]})` : `rgba(${c[0]},${c[1]},${c[2]},${alpha})`;
}

export class MatrixView {
  private matrix: Matrix | null = null;
  private level: MatrixLevel = 'package';
  private readonly canvas: HTMLCanvasElement;
  private cellLayer: HTMLCanvasElement | null = null;
  private cell = 4;
  private labelWidth = 0;
  private evaluation: Evaluation | null = null;
  private members: ReadonlySet<string> = new Set();
  private selection = new Set<string>();
  private dragRow: string | null = null;
  private rowOf = new Map<string, number>();
  private cellCount = new Map<number, number>();

  constructor(
    private readonly container: HTMLElement,
    private readonly host: MatrixViewHost,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'matrix-canvas';
    this.container.appendChild(this.canvas);
    this.bindEvents();
  }

  get currentLevel(): MatrixLevel {
    return this.level;
  }

  get loaded(): boolean {
    return this.matrix !== null;
  }

  setMatrix(matrix: Matrix, level: MatrixLevel): void {
    this.matrix = matrix;
    this.level = level;
    this.rowOf = new Map(matrix.labels.map((l, i) => [l, i]));
    this.cellCount = new Map(matrix.cells.map(([i, j, count]) => [i * matrix.labels.length + j, count]));
    const n = Math.max(1, matrix.labels.length);
    const avail = Math.max(200, Math.min(this.container.clientWidth, this.container.clientHeight) - STRIP - 20);
    this.cell = Math.max(2, Math.min(26, Math.floor(avail / n)));
    this.labelWidth = this.cell >= 10 ? LABEL_WIDTH : 0;
    this.buildCellLayer();
    this.draw();
  }

  private get originX(): number {
    return this.labelWidth + STRIP;
  }

  private get originY(): number {
    return STRIP;
  }

  private buildCellLayer(): void {
    const m = this.matrix!;
    const n = m.labels.length;
    const layer = document.createElement('canvas');
    layer.width = Math.max(1, n * this.cell);
    layer.height = Math.max(1, n * this.cell);
    const ctx = layer.getContext('2d')!;
    let max = 1;
    for (const [, , count] of m.cells) max = Math.max(max, count);
    const scale = Math.log(max + 1);
    const s = this.cell;
    for (const [i, j, count] of m.cells) {
      const t = Math.log(count + 1) / scale; // 0..1
      const shade = Math.round(200 - 170 * t);
      ctx.fillStyle = `rgb(${shade},${shade + 10},${Math.min(255, shade + 40)})`;
      ctx.fillRect(j * s, i * s, s > 3 ? s - 1 : s, s > 3 ? s - 1 : s);
    }
    // Diagonal guide.
    ctx.fillStyle = 'rgba(0,0,0,0.06)';
    for (let k = 0; k < n; k++) ctx.fillRect(k * s, k * s, s, s);
    this.cellLayer = layer;
  }

  applyEvaluation(evaluation: Evaluation, members: ReadonlySet<string>): void {
    this.evaluation = evaluation;
    this.members = members;
    this.draw();
  }

  setSelected(ids: readonly string[]): void {
    this.selection = new Set(ids.filter((id) => this.rowOf.has(id)));
    this.draw();
  }

  selected(): string[] {
    return [...this.selection].sort();
  }

  private colourOf(id: string): Colour {
    return this.evaluation?.status[id]?.color ?? 'none';
  }

  /** Repaints everything from the cached cell layer; cost is O(rows + cells into the module). */
  draw(): void {
    const m = this.matrix;
    if (!m || !this.cellLayer) return;
    const n = m.labels.length;
    const s = this.cell;
    const ox = this.originX;
    const oy = this.originY;
    const width = ox + n * s + 1;
    const height = oy + n * s + 1;
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    const ctx = this.canvas.getContext('2d')!;
    ctx.clearRect(0, 0, width, height);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    const inModule: number[] = [];
    for (let i = 0; i < n; i++) {
      const id = m.labels[i];
      const colour = this.colourOf(id);
      if (colour === 'green' || colour === 'yellow' || colour === 'red') inModule.push(i);
      ctx.fillStyle = rgb(PALETTE[colour]);
      ctx.fillRect(this.labelWidth, oy + i * s, STRIP, s); // row strip
      ctx.fillRect(ox + i * s, 0, s, STRIP); // column strip
      if (this.members.has(id)) {
        ctx.fillStyle = 'rgba(45,164,78,0.12)';
        ctx.fillRect(ox, oy + i * s, n * s, s);
      }
    }
    ctx.drawImage(this.cellLayer, ox, oy);
    // Cells where code that stays in base depends on code in the module: the references to remove.
    if (inModule.length > 0) {
      const selected = new Uint8Array(n);
      for (const i of inModule) selected[i] = 1;
      ctx.fillStyle = rgb(PALETTE.red);
      for (const [i, j] of m.cells) {
        if (selected[j] && !selected[i]) ctx.fillRect(ox + j * s, oy + i * s, s > 3 ? s - 1 : s, s > 3 ? s - 1 : s);
      }
    }
    if (this.selection.size > 0) {
      ctx.strokeStyle = '#0969da';
      ctx.lineWidth = 2;
      for (const id of this.selection) {
        const i = this.rowOf.get(id);
        if (i !== undefined) ctx.strokeRect(1, oy + i * s, ox + n * s - 2, s);
      }
    }
    if (this.labelWidth > 0) {
      ctx.fillStyle = '#1f2328';
      ctx.font = `${Math.min(12, s - 2)}px system-ui, sans-serif`;
      ctx.textBaseline = 'middle';
      for (let i = 0; i < n; i++) {
        const text = this.host.shortName(m.labels[i]);
        ctx.fillText(text.length > 34 ? '…' + text.slice(-33) : text, 4, oy + i * s + s / 2, this.labelWidth - 8);
      }
    }
  }

  /** Colour read back from the canvas pixels of a row's strip (what a person sees), or null. */
  drawnColour(id: string): Colour | null {
    const i = this.rowOf.get(id);
    if (i === undefined) return null;
    const ctx = this.canvas.getContext('2d')!;
    const px = ctx.getImageData(this.labelWidth + Math.floor(STRIP / 2), this.originY + i * this.cell + Math.floor(this.cell / 2), 1, 1).data;
    for (const [name, c] of Object.entries(PALETTE) as [Colour, [number, number, number]][]) {
      if (px[0] === c[0] && px[1] === c[1] && px[2] === c[2]) return name;
    }
    return null;
  }

  /** Page coordinates of the centre of a row's strip (tests drag it). */
  rowPagePosition(id: string): { x: number; y: number } | null {
    const i = this.rowOf.get(id);
    if (i === undefined) return null;
    const r = this.canvas.getBoundingClientRect();
    return { x: r.left + this.labelWidth + STRIP / 2, y: r.top + this.originY + i * this.cell + this.cell / 2 };
  }

  /** Scrolls the matrix so that a row is in sight. */
  scrollToRow(id: string): void {
    const i = this.rowOf.get(id);
    if (i === undefined) return;
    const y = this.originY + i * this.cell;
    if (y < this.container.scrollTop || y > this.container.scrollTop + this.container.clientHeight - this.cell) {
      this.container.scrollTop = Math.max(0, y - this.container.clientHeight / 2);
    }
  }

  private hit(e: MouseEvent): { row: number; col: number | null } | null {
    const m = this.matrix;
    if (!m) return null;
    const r = this.canvas.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    const row = Math.floor((y - this.originY) / this.cell);
    if (y < this.originY || row < 0 || row >= m.labels.length) return null;
    if (x < this.originX) return { row, col: null };
    const col = Math.floor((x - this.originX) / this.cell);
    if (col < 0 || col >= m.labels.length) return null;
    return { row, col };
  }

  private bindEvents(): void {
    this.canvas.addEventListener('mousemove', (e) => {
      const h = this.hit(e);
      const m = this.matrix;
      if (!h || !m) return this.host.hideTooltip();
      const rowId = m.labels[h.row];
      let text = this.host.describe(rowId);
      if (h.col !== null) {
        const colId = m.labels[h.col];
        const count = this.cellCount.get(h.row * m.labels.length + h.col) ?? 0;
        text = `${this.host.shortName(rowId)} → ${this.host.shortName(colId)}: ${count} references\n\n${text}`;
      }
      this.host.showTooltipText(text, e.clientX, e.clientY);
    });
    this.canvas.addEventListener('mouseleave', () => this.host.hideTooltip());
    this.canvas.addEventListener('mousedown', (e) => {
      const h = this.hit(e);
      if (!h || !this.matrix) return;
      const id = this.matrix.labels[h.row];
      if (e.shiftKey || e.ctrlKey || e.metaKey) {
        if (this.selection.has(id)) this.selection.delete(id);
        else this.selection.add(id);
      } else if (!this.selection.has(id)) {
        this.selection = new Set([id]);
      }
      this.dragRow = id;
      this.draw();
      this.host.selectionChanged(this.selected());
      e.preventDefault();
    });
    this.canvas.addEventListener('dblclick', (e) => {
      const h = this.hit(e);
      if (h && this.matrix) this.host.open(this.matrix.labels[h.row]);
    });
    window.addEventListener('mousemove', (e) => {
      if (this.dragRow) this.host.dropTarget().classList.toggle('drop-hover', this.over(e));
    });
    window.addEventListener('mouseup', (e) => {
      const row = this.dragRow;
      this.dragRow = null;
      this.host.dropTarget().classList.remove('drop-hover');
      if (row && this.over(e)) {
        const ids = this.selection.has(row) ? this.selected() : [row];
        this.host.dropIntoModule(ids);
      }
    });
  }

  private over(e: MouseEvent): boolean {
    const r = this.host.dropTarget().getBoundingClientRect();
    return e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
  }
}
