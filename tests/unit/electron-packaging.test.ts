/**
 * The electron-builder configuration checked without building (Electron and the packaging tools
 * cannot be downloaded here): loaded and validated exactly as electron-builder does before a build,
 * then its targets, installer options, file association and icons asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Configuration, FileAssociation, TargetConfiguration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-electron';
import { electronBinary } from '../../scripts/electron-binary';
import { LINUX_ICON_SIZES } from '../../scripts/make-icons';

const CONFIG = 'build/electron-builder.config.mjs';
const require = createRequire(import.meta.url);
interface ConfigApi {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: object): Promise<void>;
}
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as ConfigApi;
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => object };

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(ROOT, path.join(ROOT, CONFIG), null);
});

const targets = (t: Configuration['win']): TargetConfiguration[] => {
  const list = t?.target;
  return Array.isArray(list) ? list.filter((x): x is TargetConfiguration => typeof x === 'object') : [];
};

function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString('ascii'), file).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own validation (app-builder-lib scheme.json)', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be refused by that validation if a key were misspelt (the check is real)', async () => {
    const bad = { ...config, nsis: { ...config.nsis, oneClik: false } };
    await expect(validateConfiguration(bad, new DebugLogger(false))).rejects.toThrow(/oneClik|configuration/);
  });

  it('names the app and packs only the bundles and the built renderer', () => {
    expect(config.appId).toBe('cn.ziping.editor');
    expect(config.productName).toBe('自评表编辑器');
    // The loader runs main.cjs beside it with V8's code cache: both are under dist-electron/.
    expect(config.extraMetadata?.main).toBe('dist-electron/loader.cjs');
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(pkg.main).toBe('dist-electron/loader.cjs');
    const files = JSON.stringify(config.files); // normalised by getConfig into file sets
    for (const pattern of ['dist-electron/**/*', 'dist/renderer/**/*', '!dist-electron/**/*.map']) {
      expect(files).toContain(JSON.stringify(pattern));
    }
    for (const script of ['dist:win', 'dist:linux']) {
      expect(pkg.scripts[script]).toContain(`--config ${CONFIG}`);
      expect(pkg.scripts[script]).toMatch(/build:renderer.*build:electron.*electron-builder/);
    }
  });

  it('rebuilds better-sqlite3 for Electron when packaging and keeps it outside the asar', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('builds a Chinese NSIS installer (per-user or per-machine) and a portable exe for x64', () => {
    expect(targets(config.win).map((t) => [t.target, t.arch])).toEqual([
      ['nsis', ['x64']],
      ['portable', ['x64']],
    ]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      shortcutName: '自评表编辑器',
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds deb and AppImage for x64 and arm64', () => {
    expect(targets(config.linux).map((t) => [t.target, t.arch])).toEqual([
      ['deb', ['x64', 'arm64']],
      ['AppImage', ['x64', 'arm64']],
    ]);
    expect(config.linux?.mimeTypes).toEqual(['application/x-ziping']);
    expect(config.linux?.category).toBe('Office');
  });

  it('associates .ziping with its MIME type and icon', () => {
    const assoc = ([] as FileAssociation[]).concat(config.fileAssociations ?? []);
    expect(assoc).toHaveLength(1);
    expect(assoc[0]).toMatchObject({
      ext: 'ziping',
      mimeType: 'application/x-ziping',
      description: '自评表文档',
    });
    expect(existsSync(path.join(ROOT, 'build', `${assoc[0]?.icon}.ico`))).toBe(true);
  });
});

describe('icons', () => {
  it('has the app icon in every Linux size, 512 and 256 among them', () => {
    expect(LINUX_ICON_SIZES).toEqual(expect.arrayContaining([256, 512]));
    for (const s of LINUX_ICON_SIZES) {
      expect(pngSize(path.join(ROOT, 'build/icons', `${s}x${s}.png`))).toEqual({ width: s, height: s });
    }
    expect(pngSize(path.join(ROOT, 'build/icon.png'))).toEqual({ width: 512, height: 512 });
  });

  it('has Windows ICO files with a 256-pixel image', () => {
    for (const file of ['build/icon.ico', 'build/ziping-file.ico']) {
      const ico = readFileSync(path.join(ROOT, file));
      expect(ico.readUInt16LE(2), file).toBe(1); // icon type
      const count = ico.readUInt16LE(4);
      const widths = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
      expect(widths).toContain(256);
      expect(widths).toContain(16);
    }
  });
});

describe('npm start', () => {
  it('starts Electron only when its executable is really there, else browser mode', () => {
    expect(
      electronBinary(() => {
        throw new Error('Electron failed to install correctly');
      }),
    ).toBeNull();
    expect(electronBinary(() => '/nowhere/electron')).toBeNull();
    expect(electronBinary(() => ({ path: process.execPath }))).toBeNull();
    expect(electronBinary(() => process.execPath)).toBe(process.execPath);
    const here = electronBinary();
    expect(here === null || existsSync(here)).toBe(true);
  });
});
