// Types of static-checks.mjs (plain JavaScript so that `npm test` runs it before anything is built).
export interface Check {
  name: string;
  group: 'typecheck' | 'lint';
  bin: string;
  args: string[];
}
export const CHECKS: Check[];
export function runChecks(checks: Check[], write?: (text: string) => void): Promise<boolean>;
