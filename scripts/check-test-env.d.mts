// Types of check-test-env.mjs (plain JavaScript so that `npm test` runs it before anything is built).
export function chromiumPath(env?: NodeJS.ProcessEnv): string;
export function isExecutableFile(file: string): boolean;
export function chineseFontFamilies(): string | null;
export function testEnvProblem(probe?: {
  env?: NodeJS.ProcessEnv;
  isExecutable?: (file: string) => boolean;
  fonts?: () => string | null;
}): string | null;
