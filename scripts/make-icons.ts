/**
 * Draws the app icon and the .ziping file icon (`npm run icons`) into build/: PNGs for Linux and
 * electron-builder, ICO files (PNG inside) for Windows. Plain shapes, rasterised here with 4×4
 * supersampling and written with zlib, so no image tool is needed. The results are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];
/** Coverage test of one shape at a point of the unit square (0..1, y down). */
type Shape = { color: RGBA; inside: (x: number, y: number) => boolean };

const BLUE: RGBA = [31, 95, 168, 255];
const LIGHT: RGBA = [157, 183, 217, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const RED: RGBA = [217, 58, 43, 255];
const EDGE: RGBA = [120, 132, 150, 255];

function roundRect(x0: number, y0: number, x1: number, y1: number, r: number) {
  return (x: number, y: number) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

/** A thick polyline with round joins and caps. */
function stroke(points: [number, number][], width: number) {
  const h = width / 2;
  return (x: number, y: number) =>
    points.slice(1).some(([bx, by], i) => {
      const [ax, ay] = points[i] ?? [bx, by];
      const vx = bx - ax;
      const vy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
      const px = ax + t * vx - x;
      const py = ay + t * vy - y;
      return px * px + py * py <= h * h;
    });
}

/** The form: a header bar, ruled rows, one column line, and the check mark of a passed review. */
function form(x0: number, y0: number, x1: number, y1: number): Shape[] {
  const w = x1 - x0;
  const h = y1 - y0;
  const rows = [0.3, 0.47, 0.64, 0.81].map((f) => y0 + f * h);
  return [
    { color: BLUE, inside: roundRect(x0 + 0.1 * w, y0 + 0.1 * h, x1 - 0.1 * w, y0 + 0.18 * h, 0.005) },
    ...rows.map((ry) => ({
      color: LIGHT,
      inside: roundRect(x0 + 0.1 * w, ry, x1 - 0.1 * w, ry + 0.03 * h, 0.003),
    })),
    {
      color: LIGHT,
      inside: roundRect(x0 + 0.34 * w, rows[0] ?? y0, x0 + 0.34 * w + 0.03 * w, y1 - 0.1 * h, 0.003),
    },
    {
      color: RED,
      inside: stroke(
        [
          [x0 + 0.5 * w, y0 + 0.72 * h],
          [x0 + 0.66 * w, y0 + 0.88 * h],
          [x0 + 1.02 * w, y0 + 0.5 * h],
        ],
        0.11 * w,
      ),
    },
  ];
}

export const APP_ICON: Shape[] = [
  { color: BLUE, inside: roundRect(0.06, 0.06, 0.94, 0.94, 0.16) },
  { color: WHITE, inside: roundRect(0.22, 0.17, 0.74, 0.84, 0.03) },
  ...form(0.22, 0.17, 0.74, 0.84),
];

/** A page with its top-right corner folded over, and the same form on it. */
const uncut = (inset: number) => (x: number, y: number) =>
  !(x > 0.64 && y < 0.24 && x - 0.64 > y - 0.04 - inset);
const folded = (inset: number) => (x: number, y: number) =>
  x >= 0.64 + inset && y <= 0.24 - inset && x - 0.64 <= y - 0.04 - inset * 1.5;
export const FILE_ICON: Shape[] = [
  { color: EDGE, inside: (x, y) => roundRect(0.16, 0.04, 0.84, 0.96, 0.03)(x, y) && uncut(0)(x, y) },
  { color: WHITE, inside: (x, y) => roundRect(0.18, 0.06, 0.82, 0.94, 0.02)(x, y) && uncut(0.03)(x, y) },
  { color: EDGE, inside: folded(0) },
  { color: LIGHT, inside: folded(0.02) },
  ...form(0.24, 0.28, 0.7, 0.86),
];

export function render(shapes: Shape[], size: number): Buffer {
  const n = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const ux = (x + (sx + 0.5) / n) / size;
          const uy = (y + (sy + 0.5) / n) / size;
          let c: RGBA | null = null;
          for (const s of shapes) if (s.inside(ux, uy)) c = s.color;
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += c[3];
          }
        }
      }
      const i = (y * size + x) * 4;
      const covered = a / 255;
      // Colour averaged over covered samples (straight alpha), alpha over all of them.
      px[i] = covered ? Math.round(r / covered) : 0;
      px[i + 1] = covered ? Math.round(g / covered) : 0;
      px[i + 2] = covered ? Math.round(b / covered) : 0;
      px[i + 3] = Math.round(a / (n * n));
    }
  }
  return encodePng(px, size, size);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(rgba: Buffer, width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++)
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO whose images are PNGs (read by Windows Vista and later). */
export function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const head = Buffer.alloc(6);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([head, ...entries, ...images.map((i) => i.png)]);
}

export const BUILD_DIR = path.join(import.meta.dirname, '../build');
export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

function main(): void {
  mkdirSync(path.join(BUILD_DIR, 'icons'), { recursive: true });
  const app = new Map([...new Set([...LINUX_ICON_SIZES, ...ICO_SIZES])].map((s) => [s, render(APP_ICON, s)]));
  for (const s of LINUX_ICON_SIZES)
    writeFileSync(path.join(BUILD_DIR, 'icons', `${s}x${s}.png`), app.get(s) ?? Buffer.alloc(0));
  writeFileSync(path.join(BUILD_DIR, 'icon.png'), app.get(512) ?? Buffer.alloc(0));
  writeFileSync(
    path.join(BUILD_DIR, 'icon.ico'),
    encodeIco(ICO_SIZES.map((size) => ({ size, png: app.get(size) ?? Buffer.alloc(0) }))),
  );
  const file = ICO_SIZES.map((size) => ({ size, png: render(FILE_ICON, size) }));
  writeFileSync(path.join(BUILD_DIR, 'ziping-file.ico'), encodeIco(file));
  writeFileSync(path.join(BUILD_DIR, 'ziping-file.png'), render(FILE_ICON, 256));
  process.stdout.write('已生成 build/icon.png、icon.ico、icons/*.png、ziping-file.ico、ziping-file.png\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
