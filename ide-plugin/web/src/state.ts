// The view's editable state: which ids the person has put into the module, and the undo/redo history
// of those choices. Pure (no DOM, no network) so node:test covers it directly. A module is kept as a
// sorted list of unique ids, which makes two states comparable with one string compare and keeps the
// request body the same for the same choice.

/** Sorted, de-duplicated copy of `ids`. */
export function normalize(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}

/** The module with `ids` added. */
export function addMembers(module: readonly string[], ids: Iterable<string>): string[] {
  return normalize([...module, ...ids]);
}

/** The module without `ids`. */
export function removeMembers(module: readonly string[], ids: Iterable<string>): string[] {
  const drop = new Set(ids);
  return module.filter((id) => !drop.has(id));
}

export function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One step of the history: the module after the step and a short label ("move p:com.acme.orders"). */
export interface Step {
  module: readonly string[];
  label: string;
}

/**
 * Undo/redo over module states. `apply` records a new state (dropping anything redoable), `undo` and
 * `redo` walk the list. A step that changes nothing is not recorded. The list is capped (oldest dropped)
 * so a long session does not grow without bound.
 */
export class History {
  private steps: Step[];
  private index = 0;

  constructor(
    initial: readonly string[] = [],
    private readonly limit = 500,
  ) {
    this.steps = [{ module: normalize(initial), label: 'start' }];
  }

  get current(): readonly string[] {
    return this.steps[this.index].module;
  }

  get canUndo(): boolean {
    return this.index > 0;
  }

  get canRedo(): boolean {
    return this.index < this.steps.length - 1;
  }

  /** Label of the step `undo` would revert, or null. */
  get undoLabel(): string | null {
    return this.canUndo ? this.steps[this.index].label : null;
  }

  /** Label of the step `redo` would re-apply, or null. */
  get redoLabel(): string | null {
    return this.canRedo ? this.steps[this.index + 1].label : null;
  }

  /** Number of recorded steps after the start (for display and tests). */
  get depth(): number {
    return this.steps.length - 1;
  }

  /** Records `module` as the new current state; returns false (and records nothing) if unchanged. */
  apply(module: readonly string[], label: string): boolean {
    const next = normalize(module);
    if (sameMembers(next, this.current)) return false;
    this.steps.length = this.index + 1;
    this.steps.push({ module: next, label });
    if (this.steps.length > this.limit + 1) this.steps.splice(0, this.steps.length - this.limit - 1);
    this.index = this.steps.length - 1;
    return true;
  }

  undo(): readonly string[] | null {
    if (!this.canUndo) return null;
    this.index--;
    return this.current;
  }

  redo(): readonly string[] | null {
    if (!this.canRedo) return null;
    this.index++;
    return this.current;
  }
}

/**
 * Hands out increasing tickets so that, when answers to several requests arrive out of order, only the
 * answer to the newest request is drawn.
 */
export class LatestOnly {
  private issued = 0;

  next(): number {
    return ++this.issued;
  }

  isLatest(ticket: number): boolean {
    return ticket === this.issued;
  }
}
