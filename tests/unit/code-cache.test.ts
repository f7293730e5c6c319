/**
 * V8's code cache for the desktop (electron/main/code-cache.ts). Node 20, which runs the tests,
 * has no compile cache: the calls are checked against a recording stand-in for node:module, and
 * the main process's wiring (the service host's environment) in electron-main-wiring.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCacheDir, enableCodeCache, withCodeCache } from '../../electron/main/code-cache';

describe('the code cache', () => {
  it('lives in the data folder', () => {
    expect(codeCacheDir(path.join('/数据', 'ziping'))).toBe(path.join('/数据', 'ziping', 'code-cache'));
  });

  it('is turned on in the folder given, where the runtime has it', () => {
    const asked: (string | undefined)[] = [];
    const api = {
      enableCompileCache: (directory?: string) => {
        asked.push(directory);
        return { directory };
      },
    };
    expect(enableCodeCache('/tmp/缓存', api)).toBe('/tmp/缓存');
    expect(asked).toEqual(['/tmp/缓存']);
  });

  it('is left off without a word where the runtime has none, or cannot write it', () => {
    expect(enableCodeCache('/tmp/缓存', {})).toBeNull();
    const failing = {
      enableCompileCache: (): { directory?: string } => {
        throw new Error('EACCES');
      },
    };
    expect(enableCodeCache('/tmp/缓存', failing)).toBeNull();
    // Node 20 (this process): nothing to turn on.
    expect(enableCodeCache('/tmp/缓存')).toBeNull();
  });

  it('reaches a child process through its environment, the rest of which is kept', () => {
    const env = withCodeCache('/tmp/缓存', { PATH: '/usr/bin', GONE: undefined });
    expect(env).toEqual({ PATH: '/usr/bin', NODE_COMPILE_CACHE: '/tmp/缓存' });
  });
});
