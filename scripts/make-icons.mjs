// Draws Porthole's icons with pngjs and writes them to assets/ (committed; run again after changing
// a shape or colour: `node scripts/make-icons.mjs`). The glyph is a porthole: a ring with a dot.
//   tray/tray<State>Template.png (+@2x)  macOS menu bar: black + alpha, the system tints it
//   tray/tray-<state>.png (+@2x)         Linux: coloured per state
//   tray/tray-<state>.ico                Windows: 16/24/32/48 px, PNG-compressed entries
//   icon.png (1024), icon-512.png, icon.ico (16…256)   the app icon
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = join(root, 'assets');
mkdirSync(join(assets, 'tray'), { recursive: true });

const STATES = {
  running: { color: [63, 185, 80], mark: 'dot' },
  unreachable: { color: [139, 148, 158], mark: 'slash' },
  busy: { color: [210, 153, 34], mark: 'dots' },
};

// Shapes in a unit square (0..1), as coverage functions of a point.
const ring = (cx, cy, r, w) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
const disc = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) <= r;
const segment = (x1, y1, x2, y2, w) => (x, y) => {
  const dx = x2 - x1, dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)) <= w / 2;
};
const union = (...shapes) => (x, y) => shapes.some((s) => s(x, y));

function trayGlyph(mark) {
  const outer = ring(0.5, 0.5, 0.37, 0.14);
  if (mark === 'dot') return union(outer, disc(0.5, 0.5, 0.16));
  if (mark === 'slash') return union(outer, segment(0.24, 0.24, 0.76, 0.76, 0.12));
  return union(outer, disc(0.33, 0.5, 0.065), disc(0.5, 0.5, 0.065), disc(0.67, 0.5, 0.065));
}

/** Renders layers (each: shape + RGBA paint) at `size` px with n×n supersampling. */
function render(size, layers, n = 4) {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { shape, paint } of layers) {
        let hits = 0;
        for (let sy = 0; sy < n; sy++) for (let sx = 0; sx < n; sx++) if (shape((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)) hits++;
        if (!hits) continue;
        const [lr, lg, lb, la] = typeof paint === 'function' ? paint(px / size, py / size) : paint;
        const alpha = (hits / (n * n)) * (la / 255);
        // "over" compositing, straight alpha
        const outA = alpha + a * (1 - alpha);
        r = (lr * alpha + r * a * (1 - alpha)) / outA;
        g = (lg * alpha + g * a * (1 - alpha)) / outA;
        b = (lb * alpha + b * a * (1 - alpha)) / outA;
        a = outA;
      }
      const i = (py * size + px) * 4;
      png.data[i] = Math.round(r);
      png.data[i + 1] = Math.round(g);
      png.data[i + 2] = Math.round(b);
      png.data[i + 3] = Math.round(a * 255);
    }
  }
  return PNG.sync.write(png);
}

/** An .ico whose entries are PNGs (Windows Vista and later): ICONDIR, one ICONDIRENTRY each, the data. */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, k) => {
    const e = 6 + 16 * k;
    header.writeUInt8(size >= 256 ? 0 : size, e);
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt8(0, e + 2);
    header.writeUInt8(0, e + 3);
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

const write = (rel, data) => {
  writeFileSync(join(assets, rel), data);
  console.log(`assets/${rel}  ${data.length} bytes`);
};
const cap = (s) => s[0].toUpperCase() + s.slice(1);

for (const [state, { color, mark }] of Object.entries(STATES)) {
  const shape = trayGlyph(mark);
  const black = [{ shape, paint: [0, 0, 0, 255] }];
  const coloured = [{ shape, paint: [...color, 255] }];
  write(`tray/tray${cap(state)}Template.png`, render(16, black));
  write(`tray/tray${cap(state)}Template@2x.png`, render(32, black));
  write(`tray/tray-${state}.png`, render(16, coloured));
  write(`tray/tray-${state}@2x.png`, render(32, coloured));
  write(`tray/tray-${state}.ico`, ico([16, 24, 32, 48].map((size) => ({ size, data: render(size, coloured) }))));
}

// The app icon: a rounded dark square, a steel ring with eight bolts, a glass disc and a bright dot.
const rounded = (x, y) => {
  const m = 0.06, r = 0.2;
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - m - r), 0), qy = Math.max(Math.abs(y - 0.5) - (0.5 - m - r), 0);
  return Math.hypot(qx, qy) <= r;
};
const bolts = union(...Array.from({ length: 8 }, (_, k) => disc(0.5 + 0.31 * Math.cos((k * Math.PI) / 4 + Math.PI / 8), 0.5 + 0.31 * Math.sin((k * Math.PI) / 4 + Math.PI / 8), 0.022)));
const appLayers = [
  { shape: rounded, paint: (_x, y) => [15 + 14 * y, 20 + 22 * y, 25 + 30 * y, 255] },
  { shape: disc(0.5, 0.5, 0.25), paint: (x, y) => [22, 48 + 40 * (1 - y), 80 + 60 * (1 - x), 255] },
  { shape: ring(0.5, 0.5, 0.31, 0.1), paint: [88, 166, 255, 255] },
  { shape: bolts, paint: [13, 40, 77, 255] },
  { shape: disc(0.5, 0.5, 0.085), paint: [63, 185, 80, 255] },
];
const app1024 = render(1024, appLayers, 2);
write('icon.png', app1024);
write('icon-512.png', render(512, appLayers, 3));
write('icon.ico', ico([16, 32, 48, 256].map((size) => ({ size, data: render(size, appLayers, 4) }))));
