/**
 * What the review side of the editor shows: whether the 批注与审核 panel is open, whether the
 * indicator table shows the 核查分数/审核意见 columns, and the cell a new comment is being
 * written for (set from the grid's context menu, read by the panel's composer).
 */
import type { ReviewAnchor } from '../../../shared/review/types';

export interface CommentTarget {
  formId: string | null;
  anchor: ReviewAnchor;
  /** Where it is, in words (第3行 实际完成值). */
  label: string;
}

export interface ReviewUiState {
  panelOpen: boolean;
  auditColumns: boolean;
  target: CommentTarget | null;
  /** Bumped each time a comment is asked for, so the composer takes focus again. */
  asked: number;
}

export class ReviewUi {
  private state: ReviewUiState;
  private readonly listeners = new Set<() => void>();

  constructor(reviewing: boolean, hasReview: boolean) {
    // A reviewer starts with the panel and the audit columns; an author when there is review data.
    this.state = {
      panelOpen: reviewing || hasReview,
      auditColumns: reviewing || hasReview,
      target: null,
      asked: 0,
    };
  }

  get = (): ReviewUiState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(change: Partial<ReviewUiState>): void {
    this.state = { ...this.state, ...change };
    for (const l of this.listeners) l();
  }

  /** Opens the panel with the composer on `target`. */
  askComment(target: CommentTarget): void {
    this.set({ panelOpen: true, target, asked: this.state.asked + 1 });
  }
}
