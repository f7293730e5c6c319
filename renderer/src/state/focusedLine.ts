/**
 * The indicator line the grid cursor is on. Kept outside React state so that moving the cursor
 * re-renders only the line detail, not the whole form.
 */
export class FocusedLine {
  private id: string | null = null;
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): string | null => this.id;

  set(id: string | null): void {
    if (id === this.id) return;
    this.id = id;
    for (const l of this.listeners) l();
  }
}
