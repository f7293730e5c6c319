// Types of cli-bundle.mjs (plain JavaScript: it is what lets the command start without a TypeScript loader).
export const PROJECT_ROOT: string;
export function cacheDir(root: string): string;
export function freshBundle(root: string): string | null;
export function buildBundle(root: string, entry?: string): Promise<string>;
export function loadCli(root?: string): Promise<typeof import('../electron/cli/main')>;
