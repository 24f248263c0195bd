/**
 * Which IPC senders are ours: the WebContents we created (by id, dropped when destroyed), and
 * only when the sending frame is the top frame showing our own origin (Electron security
 * checklist §17; URLs parsed, never compared as strings).
 */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

export interface SenderLike {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

export class TrustedSenders {
  private readonly ids = new Set<number>();

  constructor(private readonly allowedOrigins: readonly string[]) {}

  add(contents: SenderLike): void {
    this.ids.add(contents.id);
    contents.once('destroyed', () => this.ids.delete(contents.id));
  }

  /** Why a sender is refused, or null when it is trusted. */
  refusal(sender: { readonly id: number } | null | undefined, frame: SenderFrameLike | null | undefined): string | null {
    if (!sender || !this.ids.has(sender.id)) return 'sender is not a Packwright window';
    if (!frame) return 'sender frame is gone';
    if (frame.parent !== null) return 'sender is a sub-frame';
    let origin: string;
    try {
      const u = new URL(frame.url);
      origin = u.protocol === 'app:' ? `${u.protocol}//${u.host}` : u.origin;
    } catch {
      return `sender URL is not parseable: ${frame.url}`;
    }
    return this.allowedOrigins.includes(origin) ? null : `sender origin ${origin} is not the app's`;
  }
}
