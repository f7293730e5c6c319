/**
 * A Chinese font for drawing charts on the server (resvg has no fonts of its own): the first
 * known CJK font file in the system's font folders, or in ZIPING_FONT_DIRS when set. Null when
 * there is none: the caller then leaves the charts out and says why.
 */
import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export interface CjkFont {
  /** The family name as the font file declares it. */
  family: string;
  /** The regular face, then the bold one when it is beside it (chart titles are bold). */
  files: string[];
}

/** Known file names, sans-serif first (charts are set in a 黑体), then serif. */
const KNOWN: Array<{ file: RegExp; family: string; bold?: (name: string) => string }> = [
  {
    file: /^NotoSansCJK(sc)?-Regular\.(ttc|otf)$/i,
    family: 'Noto Sans CJK SC',
    bold: (n) => n.replace('Regular', 'Bold'),
  },
  { file: /^SourceHanSans(SC)?-Regular\.(ttc|otf)$/i, family: 'Source Han Sans SC' },
  { file: /^msyh\.(ttc|ttf)$/i, family: 'Microsoft YaHei', bold: (n) => n.replace(/^msyh/i, 'msyhbd') },
  { file: /^wqy-microhei\.ttc$/i, family: 'WenQuanYi Micro Hei' },
  { file: /^wqy-zenhei\.ttc$/i, family: 'WenQuanYi Zen Hei' },
  { file: /^simhei\.ttf$/i, family: 'SimHei' },
  { file: /^PingFang\.ttc$/i, family: 'PingFang SC' },
  {
    file: /^NotoSerifCJK(sc)?-Regular\.(ttc|otf)$/i,
    family: 'Noto Serif CJK SC',
    bold: (n) => n.replace('Regular', 'Bold'),
  },
  { file: /^simsun\.(ttc|ttf)$/i, family: 'SimSun' },
];

export function fontDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const own = env['ZIPING_FONT_DIRS'];
  if (own !== undefined) return own.split(path.delimiter).filter((d) => d !== '');
  if (process.platform === 'win32') {
    const windows = env['WINDIR'] ?? 'C:\\Windows';
    const local = env['LOCALAPPDATA'];
    return [
      path.join(windows, 'Fonts'),
      ...(local ? [path.join(local, 'Microsoft', 'Windows', 'Fonts')] : []),
    ];
  }
  if (process.platform === 'darwin') return ['/System/Library/Fonts', '/Library/Fonts'];
  const home = homedir();
  return [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    path.join(home, '.local', 'share', 'fonts'),
    path.join(home, '.fonts'),
  ];
}

/** Every file under `dir` (font folders are shallow; the depth guards against loops). */
function filesUnder(dir: string, depth = 4): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const full = path.join(dir, name);
    try {
      if (statSync(full).isDirectory()) return depth > 0 ? filesUnder(full, depth - 1) : [];
    } catch {
      return [];
    }
    return [full];
  });
}

export function findCjkFont(dirs: readonly string[] = fontDirs()): CjkFont | null {
  const files = dirs.flatMap((d) => filesUnder(d));
  const byName = new Map(files.map((f) => [path.basename(f).toLowerCase(), f]));
  for (const known of KNOWN) {
    const regular = files.find((f) => known.file.test(path.basename(f)));
    if (regular === undefined) continue;
    const bold = known.bold ? byName.get(known.bold(path.basename(regular)).toLowerCase()) : undefined;
    return { family: known.family, files: bold ? [regular, bold] : [regular] };
  }
  return null;
}
