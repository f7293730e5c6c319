/**
 * Edits still open in a grid cell or a text box. Saving (and closing) first commits them, so that
 * Ctrl+S while typing saves what is on screen.
 */
export class PendingEdits {
  private readonly committers = new Set<() => void>();

  register(commit: () => void): () => void {
    this.committers.add(commit);
    return () => this.committers.delete(commit);
  }

  /** Commits open edits; resolves once the grids have handed their commits over (a task later). */
  async commitAll(): Promise<void> {
    for (const commit of this.committers) commit();
    const el = document.activeElement;
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
      // Text boxes commit on blur; focus goes back where it was.
      el.blur();
      el.focus();
    }
    // Edits commit synchronously (valueSetter); one task more lets AG Grid and React finish
    // closing the editors before the caller saves or reads the document.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
