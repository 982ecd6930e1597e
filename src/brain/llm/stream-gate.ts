/**
 * Streaming with the guard in front: the draft is released clause by clause (at ，。；！？、：and newlines),
 * and only while every number released so far is verified and nothing repeats the system prompt. A clause
 * that fails freezes the stream; the final answer (checked, or the offline fallback) replaces it.
 */
const BOUNDARY = /[，。；！？、：;!?\n]/u;

export class StreamGate {
  private released = 0;
  private frozen = false;
  private last = "";

  constructor(
    private readonly emit: ((text: string) => void) | undefined,
    /** True when a prefix of the draft is safe to show. */
    private readonly safe: (prefix: string) => boolean,
    /** What the user sees for a safe prefix (markers rendered). */
    private readonly render: (prefix: string) => string,
  ) {}

  /** A new draft starts (after tool calls, or a retry). */
  reset(): void {
    this.released = 0;
    this.frozen = false;
  }

  push(draft: string): void {
    if (!this.emit || this.frozen) return;
    let end = -1;
    for (let i = draft.length - 1; i >= this.released; i--) {
      if (BOUNDARY.test(draft[i]!)) {
        end = i + 1;
        break;
      }
    }
    if (end <= this.released) return;
    const prefix = draft.slice(0, end);
    if (!this.safe(prefix)) {
      this.frozen = true;
      return;
    }
    this.released = end;
    this.show(this.render(prefix));
  }

  /** The final text, whatever it is (always shown). */
  finish(text: string): void {
    this.frozen = true;
    this.show(text, true);
  }

  private show(text: string, force = false): void {
    if (!this.emit || (!force && (text === this.last || text.length === 0))) return;
    this.last = text;
    try {
      this.emit(text);
    } catch {
      // A failing renderer must not break the answer.
    }
  }
}
