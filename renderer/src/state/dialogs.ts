/**
 * Questions the editor asks in its own dialog (paste past the last row, delete a form): one at a
 * time, answered with the id of a choice, or null when dismissed with Esc.
 */
export interface DialogChoice {
  id: string;
  label: string;
  /** The choice Enter takes. */
  primary?: boolean;
  danger?: boolean;
}

export interface DialogRequest {
  title: string;
  message: string;
  choices: DialogChoice[];
}

interface Open extends DialogRequest {
  answer: (id: string | null) => void;
}

export class Dialogs {
  current: Open | null = null;
  private readonly listeners = new Set<() => void>();

  ask(request: DialogRequest): Promise<string | null> {
    // A newer question replaces an unanswered one, which counts as dismissed.
    this.current?.answer(null);
    return new Promise((resolve) => {
      const open: Open = {
        ...request,
        answer: (id) => {
          if (this.current === open) this.current = null;
          this.emit();
          resolve(id);
        },
      };
      this.current = open;
      this.emit();
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): Open | null => this.current;

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
