/**
 * Electronegativity (Doyensec's Electron security scanner) over the shell's source and its
 * bundles, as CI's security check. It exits 0 whatever it finds, so its findings are read here:
 * any HIGH or MEDIUM finding fails, except the few accepted below, each with the reason it does
 * not apply and the test that covers the concern instead. The bundles are also checked for what
 * a sandboxed preload may require.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildElectron, ROOT } from '../../scripts/build-electron';

interface Finding {
  id: string;
  file: string;
  severity: { name: string };
  confidence: { name: string };
  location?: { line: number };
  description: string;
}
interface ScanResult {
  atomicChecks: number;
  errors: unknown[];
  issues: Finding[];
}
type Scan = (options: {
  input: string;
  isRelative: boolean;
  electronVersionOverride: string;
}) => Promise<ScanResult>;

const require = createRequire(import.meta.url);
const electronegativity = require('@doyensec/electronegativity') as Scan;
const ELECTRON_VERSION = (require('electron/package.json') as { version: string }).version;

/** Findings that do not apply, why, and what covers the concern instead. */
const ACCEPTED: { id: string; file: string; why: string }[] = [
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'N/A',
    why:
      'The scanner looks for a CSP in HTML <meta> or in webRequest.onHeadersReceived; ours is sent with ' +
      'every app:// response by the protocol handler (electron/main/protocol.ts, the same policy as browser ' +
      'mode). electron-security.test.ts asserts the header and its directives.',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'src/main/security.ts',
    why:
      'A "review the preload" reminder (manual review), not a defect: the preload exposes only ' +
      "invoke/shell/onMenuCommand with the contract's names checked (electron/preload/bridge.ts; tested in " +
      'electron-security.test.ts).',
  },
];

let stage: string;
let scan: ScanResult;

beforeAll(async () => {
  stage = mkdtempSync(path.join(tmpdir(), 'ziping-scan-'));
  const out = path.join(stage, 'out');
  await buildElectron(out);
  // The scanner reads .js/.ts by extension: the bundles are copied in as .js beside the source.
  mkdirSync(path.join(stage, 'scan', 'bundle'), { recursive: true });
  cpSync(path.join(out, 'main.cjs'), path.join(stage, 'scan', 'bundle', 'main.js'));
  cpSync(path.join(out, 'preload.cjs'), path.join(stage, 'scan', 'bundle', 'preload.js'));
  for (const part of ['main', 'preload']) {
    cpSync(path.join(ROOT, 'electron', part), path.join(stage, 'scan', 'src', part), { recursive: true });
  }
  cpSync(path.join(ROOT, 'electron/ipc-channels.ts'), path.join(stage, 'scan', 'src', 'ipc-channels.ts'));
  // It prints a table and warns that it is offline (no release list to compare against): quiet.
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    scan = await electronegativity({
      input: path.join(stage, 'scan'),
      isRelative: true,
      electronVersionOverride: ELECTRON_VERSION,
    });
  } finally {
    log.mockRestore();
  }
}, 60000);
afterAll(() => rmSync(stage, { recursive: true, force: true }));

describe('electronegativity', () => {
  it('parses every file it was given', () => {
    expect(scan.errors).toEqual([]);
    expect(scan.atomicChecks).toBeGreaterThan(20);
  });

  it('finds nothing of HIGH or MEDIUM severity beyond the accepted findings', () => {
    const serious = scan.issues.filter((i) => i.severity.name === 'HIGH' || i.severity.name === 'MEDIUM');
    const unexplained = serious.filter((i) => !ACCEPTED.some((a) => a.id === i.id && a.file === i.file));
    expect(
      unexplained.map(
        (i) => `${i.id} ${i.severity.name} ${i.file}:${i.location?.line ?? 0} ${i.description}`,
      ),
    ).toEqual([]);
  });

  it('still reports each accepted finding (drop it from the list once it is gone)', () => {
    for (const a of ACCEPTED) {
      expect(
        scan.issues.some((i) => i.id === a.id && i.file === a.file),
        a.id,
      ).toBe(true);
    }
  });
});

describe('the bundles', () => {
  const requires = (file: string) =>
    [...readFileSync(path.join(stage, 'out', file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map(
      (m) => m[1],
    );

  it('give the sandboxed preload nothing to require but electron', () => {
    expect(new Set(requires('preload.cjs'))).toEqual(new Set(['electron']));
  });

  it('give main.cjs no import(): run from V8’s code cache, it would have no loader for it', () => {
    // Node loses a vm.Script's import() callback when V8 takes its cached data (nodejs/node#43663).
    const main = readFileSync(path.join(stage, 'out', 'main.cjs'), 'utf8');
    expect(main.match(/\bimport\s*\(/g)).toBeNull();
  });

  it('give the loader (package.json "main") nothing but Node itself: main.cjs is run by path', () => {
    const loader = requires('loader.cjs');
    expect(loader.length).toBeGreaterThan(0);
    for (const n of loader) expect(n, n).toMatch(/^node:/);
  });

  it('keep the document service out of the main process: SQLite and Excel only in its host', () => {
    const main = new Set(requires('main.cjs'));
    expect(main).toContain('electron');
    for (const n of main) expect(n, n).toMatch(/^(node:|electron$)/);
    const host = new Set(requires('service-host.cjs'));
    expect(host).toContain('better-sqlite3');
    expect(host).toContain('exceljs');
    for (const n of host) expect(n, n).toMatch(/^(node:|better-sqlite3$|exceljs$|docx$|echarts|@resvg\/)/);
  });
});
