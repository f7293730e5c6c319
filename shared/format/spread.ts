/** `count` rows or columns over `slots` parts as evenly as they go, the first parts one larger. */
export function spread(count: number, slots: number): number[] {
  const base = Math.floor(count / slots);
  const extra = count % slots;
  return Array.from({ length: slots }, (_, i) => base + (i < extra ? 1 : 0));
}
