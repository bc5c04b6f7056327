import { beforeEach, describe, expect, it } from 'vitest';
import type { Consultation, Message } from '../api/types';
import { ConsultationConnection, type SocketLike } from './connection';
import { Outbox } from './outbox';

/** A socket the test drives: it records what the client sent and lets the test play the server. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(code = 1000) {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  serve(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) } as MessageEvent);
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({ code: 1006 } as CloseEvent);
  }
}

const consultation = (messages: Message[] = []): Consultation => ({
  id: 'c1', clinic: 'demo', status: 'IN_PROGRESS', language: 'en', consent: { version: '1', given: true, givenAt: null },
  messages, question: null, disposition: null, assessment: null, engineVersion: 'x', createdAt: '2026-01-01T00:00:00Z',
});

const patientMessage = (clientMessageId: string, seq: number): Message => ({
  id: `m${seq}`, seq, author: 'PATIENT', kind: 'TEXT', text: 'hello', aiGenerated: false, questionId: null, options: null,
  inReplyTo: null, clientMessageId, createdAt: '2026-01-01T00:00:00Z',
});

describe('ConsultationConnection', () => {
  let sockets: FakeSocket[];
  let online: boolean;
  let connection: ConsultationConnection;
  let outbox: Outbox;

  beforeEach(() => {
    localStorage.clear();
    sockets = [];
    online = true;
    outbox = new Outbox('test-outbox', localStorage);
    connection = new ConsultationConnection({
      consultationId: 'c1',
      token: 'ct_secret',
      outbox,
      online: () => online,
      backoff: () => 0,
      openSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
    });
  });

  it('authenticates in the first frame and resumes from the state the server sends', () => {
    connection.start();
    sockets[0].open();
    expect(sockets[0].url).toMatch(/\/ws\/consultations\/c1$/);
    expect(sockets[0].sent[0]).toEqual({ type: 'auth', token: 'ct_secret' });
    sockets[0].serve({ type: 'state', consultation: consultation() });
    expect(connection.snapshot.connected).toBe(true);
    expect(connection.snapshot.consultation?.id).toBe('c1');
  });

  it('keeps a message typed offline and sends it once the network returns, then forgets it on ack', () => {
    connection.start();
    sockets[0].open();
    sockets[0].serve({ type: 'state', consultation: consultation() });
    online = false;
    const queued = connection.send('my chest hurts');
    expect(sockets[0].sent.filter((f) => f.type === 'message')).toHaveLength(0);
    expect(outbox.list().map((m) => m.text)).toEqual(['my chest hurts']);

    online = true;
    connection.networkRestored();
    const sent = sockets[0].sent.filter((f) => f.type === 'message');
    expect(sent).toEqual([{ type: 'message', text: 'my chest hurts', clientMessageId: queued.clientMessageId }]);

    sockets[0].serve({ type: 'ack', clientMessageId: queued.clientMessageId, message: patientMessage(queued.clientMessageId, 2) });
    expect(outbox.list()).toEqual([]);
    expect(connection.snapshot.consultation?.messages.map((m) => m.id)).toEqual(['m2']);
  });

  it('re-sends an unacknowledged message after a reconnect with the same clientMessageId', async () => {
    connection.start();
    sockets[0].open();
    sockets[0].serve({ type: 'state', consultation: consultation() });
    const queued = connection.send('hello');
    sockets[0].drop();
    await new Promise((r) => setTimeout(r, 5));
    expect(sockets).toHaveLength(2);
    sockets[1].open();
    sockets[1].serve({ type: 'state', consultation: consultation() });
    const resent = sockets[1].sent.filter((f) => f.type === 'message');
    expect(resent).toEqual([{ type: 'message', text: 'hello', clientMessageId: queued.clientMessageId }]);
  });

  it('does not re-send a message the server already holds when its ack was lost', async () => {
    connection.start();
    sockets[0].open();
    sockets[0].serve({ type: 'state', consultation: consultation() });
    const queued = connection.send('hello');
    sockets[0].drop(); // the ack never came
    await new Promise((r) => setTimeout(r, 5));
    sockets[1].open();
    sockets[1].serve({ type: 'state', consultation: consultation([patientMessage(queued.clientMessageId, 2)]) });
    expect(sockets[1].sent.filter((f) => f.type === 'message')).toEqual([]);
    expect(outbox.list()).toEqual([]);
  });

  it('stops on a rejected token instead of reconnecting forever', async () => {
    connection.start();
    sockets[0].open();
    sockets[0].close(4401);
    await new Promise((r) => setTimeout(r, 5));
    expect(sockets).toHaveLength(1);
    expect(connection.snapshot.error).toBe('expired');
  });

  it('survives a page reload: the outbox is in storage', () => {
    outbox.add('typed before the reload', 'id-1');
    const again = new ConsultationConnection({ consultationId: 'c1', token: 't', outbox: new Outbox('test-outbox', localStorage), openSocket: (u) => new FakeSocket(u) });
    expect(again.snapshot.pending.map((m) => m.clientMessageId)).toEqual(['id-1']);
  });
});
