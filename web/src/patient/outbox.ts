/**
 * Messages the patient sent that the server has not acknowledged yet. Kept in localStorage so that a message
 * typed offline, or just before the page was closed, still goes when the connection returns. Each carries the
 * clientMessageId it was created with: re-sending it is safe, the server stores it once and answers the same.
 */
export interface PendingMessage {
  clientMessageId: string;
  text: string;
  queuedAt: string;
}

export class Outbox {
  constructor(
    private readonly key: string,
    private readonly storage: Storage = window.localStorage,
  ) {}

  list(): PendingMessage[] {
    try {
      const raw = this.storage.getItem(this.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? (parsed as PendingMessage[]) : [];
    } catch {
      return [];
    }
  }

  add(text: string, clientMessageId: string = crypto.randomUUID()): PendingMessage {
    const message = { clientMessageId, text, queuedAt: new Date().toISOString() };
    this.save([...this.list(), message]);
    return message;
  }

  /** The server acknowledged it (it is durable there): forget it here. */
  acknowledge(clientMessageId: string): void {
    this.save(this.list().filter((m) => m.clientMessageId !== clientMessageId));
  }

  clear(): void {
    this.storage.removeItem(this.key);
  }

  private save(messages: PendingMessage[]): void {
    if (messages.length === 0) this.storage.removeItem(this.key);
    else this.storage.setItem(this.key, JSON.stringify(messages));
  }
}
