import { request } from '../api/http';
import type { Consultation, Message, Turn } from '../api/types';
import { Outbox, type PendingMessage } from './outbox';

/** What the chat screen shows: the consultation as the server last said, plus what is still on its way. */
export interface ChatState {
  consultation: Consultation | null;
  pending: PendingMessage[];
  connected: boolean;
  typing: boolean;
  error: string | null;
}

type Listener = (state: ChatState) => void;

export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number): void;
  onopen: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
}

export interface ConnectionOptions {
  consultationId: string;
  token: string;
  openSocket?: (url: string) => SocketLike;
  online?: () => boolean;
  outbox?: Outbox;
  /** Delay before reconnect attempt n (1, 2, ...). */
  backoff?: (attempt: number) => number;
}

const OPEN = 1;

/**
 * The patient's live conversation over {@code /ws/consultations/{id}}: authenticates with the consultation's
 * token, resumes from the server's state frame, streams replies, and sends queued messages whenever it is
 * connected. It reconnects by itself; a closed tab or a lost network loses nothing (see {@link Outbox}).
 */
export class ConsultationConnection {
  private socket: SocketLike | null = null;
  private authenticated = false;
  private attempts = 0;
  private stopped = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly outbox: Outbox;
  private readonly openSocket: (url: string) => SocketLike;
  private readonly online: () => boolean;
  private readonly backoff: (attempt: number) => number;
  /** Messages handed to the current socket and not yet acknowledged on it. */
  private inFlight = new Set<string>();
  private state: ChatState = { consultation: null, pending: [], connected: false, typing: false, error: null };

  constructor(private readonly options: ConnectionOptions) {
    this.outbox = options.outbox ?? new Outbox(`medassist.outbox.${options.consultationId}`);
    this.openSocket = options.openSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
    this.online = options.online ?? (() => navigator.onLine);
    this.backoff = options.backoff ?? ((n) => Math.min(15000, 500 * 2 ** Math.min(n - 1, 5)));
    this.state = { ...this.state, pending: this.outbox.list() };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  get snapshot(): ChatState {
    return this.state;
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.socket?.close(1000);
    this.socket = null;
  }

  /** Queue a message and send it now if we can; it goes later otherwise. */
  send(text: string): PendingMessage {
    const message = this.outbox.add(text);
    this.update({ pending: this.outbox.list() });
    this.flush();
    return message;
  }

  /** The network came back: send what waits, reconnecting first if the socket died meanwhile. */
  networkRestored(): void {
    if (!this.socket || this.socket.readyState !== OPEN) {
      this.reconnectNow();
    } else {
      this.flush();
    }
  }

  private reconnectNow(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.attempts = 0;
    if (this.socket && this.socket.readyState === OPEN) return;
    this.connect();
  }

  private connect(): void {
    if (this.stopped) return;
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = this.openSocket(`${scheme}://${window.location.host}/ws/consultations/${this.options.consultationId}`);
    this.socket = socket;
    this.authenticated = false;
    this.inFlight = new Set();
    socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', token: this.options.token }));
    socket.onmessage = (event) => this.receive(String(event.data));
    socket.onerror = () => undefined;
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.authenticated = false;
      this.update({ connected: false, typing: false });
      if (event.code === 4401 || event.code === 4404) {
        this.update({ error: 'expired' });
        return;
      }
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.attempts += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, this.backoff(this.attempts));
  }

  private receive(data: string): void {
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(data) as Record<string, unknown>;
    } catch {
      return;
    }
    switch (frame.type) {
      case 'state': {
        this.authenticated = true;
        this.attempts = 0;
        const consultation = frame.consultation as Consultation;
        // What the server already holds was delivered, even if its acknowledgement was lost with the old socket.
        for (const m of consultation.messages) if (m.clientMessageId) this.outbox.acknowledge(m.clientMessageId);
        this.update({ consultation, connected: true, error: null, pending: this.outbox.list() });
        this.flush();
        break;
      }
      case 'ack': {
        const message = frame.message as Message;
        const id = String(frame.clientMessageId ?? message.clientMessageId);
        this.outbox.acknowledge(id);
        this.inFlight.delete(id);
        this.update({ pending: this.outbox.list() });
        this.merge([message]);
        break;
      }
      case 'typing':
        this.update({ typing: true });
        break;
      case 'message':
        this.merge([frame.message as Message]);
        break;
      case 'turn': {
        const turn = frame.turn as Turn;
        if (typeof frame.inReplyTo === 'string') {
          this.outbox.acknowledge(frame.inReplyTo);
          this.inFlight.delete(frame.inReplyTo);
          this.update({ pending: this.outbox.list() });
        }
        const consultation = this.state.consultation;
        if (consultation) {
          this.update({
            typing: false,
            consultation: { ...consultation, status: turn.status, question: turn.question, disposition: turn.disposition },
          });
        }
        this.merge(turn.messages);
        // The assessment arrives with the whole consultation: reload it once the interview has ended.
        if (turn.status !== 'IN_PROGRESS' && !this.state.consultation?.assessment) this.reload();
        break;
      }
      case 'error': {
        const problem = (frame.problem ?? {}) as Record<string, unknown>;
        this.update({ typing: false, error: typeof problem.detail === 'string' ? problem.detail : 'error' });
        const code = String(problem.type ?? '').split('/').pop();
        // A message the server refused for good (e.g. the consultation is closed) must not be retried forever.
        if (code && code !== 'internal-error' && code !== 'unauthenticated') this.dropRefused();
        break;
      }
      default:
        break;
    }
  }

  /** The server refused the oldest in-flight message: it will never be accepted, so stop re-sending it. */
  private dropRefused(): void {
    const [first] = this.inFlight;
    if (first) {
      this.outbox.acknowledge(first);
      this.inFlight.delete(first);
      this.update({ pending: this.outbox.list() });
    }
  }

  /** Fetch the whole consultation again (after consent, or when the interview ends). */
  reload(): void {
    request<Consultation>(`/api/v1/consultations/${this.options.consultationId}`, { token: this.options.token })
      .then((c) => this.update({ consultation: c }))
      .catch(() => undefined); // the next state frame brings it anyway
  }

  private flush(): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN || !this.authenticated || !this.online()) return;
    for (const message of this.outbox.list()) {
      if (this.inFlight.has(message.clientMessageId)) continue;
      this.inFlight.add(message.clientMessageId);
      socket.send(JSON.stringify({ type: 'message', text: message.text, clientMessageId: message.clientMessageId }));
    }
  }

  private merge(messages: Message[]): void {
    const consultation = this.state.consultation;
    if (!consultation || messages.length === 0) return;
    const byId = new Map(consultation.messages.map((m) => [m.id, m]));
    for (const m of messages) byId.set(m.id, m);
    const merged = [...byId.values()].sort((a, b) => a.seq - b.seq);
    this.update({ consultation: { ...consultation, messages: merged } });
  }

  private update(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}
