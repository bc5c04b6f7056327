import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError, request } from '../api/http';
import type { ClinicInfo, Consultation, Message } from '../api/types';
import { LanguageSelect } from '../ui/LanguageSelect';
import { ConsultationConnection, type ChatState } from './connection';
import { credentialsFor } from './credentials';
import { EmergencyBanner } from './EmergencyBanner';
import { Outcome } from './Outcome';

export function ChatScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const credentials = useMemo(() => credentialsFor(id), [id]);
  if (!credentials) {
    return (
      <main id="main" className="mx-auto max-w-xl p-4">
        <p role="alert" className="rounded bg-red-50 p-3 text-red-900">
          {t('patient.chat.expired')}
        </p>
        <Link className="mt-4 inline-block text-blue-800 underline" to="/">
          {t('patient.chat.newConversation')}
        </Link>
      </main>
    );
  }
  return <Chat id={credentials.id} token={credentials.token} />;
}

function useConnection(id: string, token: string): [ConsultationConnection, ChatState] {
  const connection = useMemo(() => new ConsultationConnection({ consultationId: id, token }), [id, token]);
  useEffect(() => {
    connection.start();
    const restored = () => connection.networkRestored();
    window.addEventListener('online', restored);
    return () => {
      window.removeEventListener('online', restored);
      connection.stop();
    };
  }, [connection]);
  const state = useSyncExternalStore(
    (notify) => connection.subscribe(notify),
    () => connection.snapshot,
  );
  return [connection, state];
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

function Chat({ id, token }: { id: string; token: string }) {
  const { t } = useTranslation();
  const [connection, state] = useConnection(id, token);
  const online = useOnline();
  const [clinic, setClinic] = useState<ClinicInfo | null>(null);
  const consultation = state.consultation;

  useEffect(() => {
    if (consultation && !clinic) {
      request<ClinicInfo>(`/api/v1/clinics/${encodeURIComponent(consultation.clinic)}`).then(setClinic).catch(() => undefined);
    }
  }, [consultation, clinic]);

  if (state.error === 'expired') {
    return (
      <main id="main" className="mx-auto max-w-xl p-4">
        <p role="alert" className="rounded bg-red-50 p-3 text-red-900">
          {t('patient.chat.expired')}
        </p>
        <Link className="mt-4 inline-block text-blue-800 underline" to="/">
          {t('patient.chat.newConversation')}
        </Link>
      </main>
    );
  }
  if (!consultation) {
    return (
      <main id="main" className="mx-auto max-w-xl p-4">
        <p role="status">{online ? t('app.loading') : t('patient.chat.offline')}</p>
      </main>
    );
  }

  const emergency = consultation.status === 'ESCALATED' || consultation.disposition === 'EMERGENCY';
  const open = consultation.status === 'IN_PROGRESS';
  const needsConsent = consultation.consent != null && !consultation.consent.given && open;

  return (
    <div className="mx-auto flex min-h-screen max-w-2xl flex-col">
      <header className="flex items-center justify-between border-b border-gray-300 p-3">
        <span className="font-semibold text-gray-900">{clinic?.name ?? t('app.name')}</span>
        <LanguageSelect />
      </header>
      {emergency && <EmergencyBanner consultation={consultation} emergencyNumber={clinic?.emergencyNumber ?? null} />}
      <main id="main" className="flex flex-1 flex-col gap-3 p-3">
        <h1 className="sr-only">{t('patient.chat.title')}</h1>
        {!online && (
          <p role="status" className="rounded bg-amber-100 p-2 text-amber-950">
            {t('patient.chat.offline')}
          </p>
        )}
        {online && !state.connected && (
          <p role="status" className="rounded bg-gray-100 p-2 text-gray-900">
            {t('patient.chat.reconnecting')}
          </p>
        )}
        <Transcript messages={consultation.messages} />
        {state.pending.length > 0 && (
          <ul aria-label={t('patient.chat.pending')} className="flex flex-col items-end gap-2">
            {state.pending.map((m) => (
              <li key={m.clientMessageId} className="max-w-[85%] rounded-lg border border-dashed border-blue-700 bg-blue-50 p-2 text-gray-900" data-testid="pending-message">
                <p className="whitespace-pre-wrap">{m.text}</p>
                <p className="text-xs text-gray-700">{online && state.connected ? t('patient.chat.sending') : t('patient.chat.pending')}</p>
              </li>
            ))}
          </ul>
        )}
        {state.typing && (
          <p role="status" className="text-gray-700" data-testid="typing">
            {t('patient.chat.typing')}
          </p>
        )}
        {state.error && state.error !== 'expired' && (
          <p role="alert" className="rounded bg-red-50 p-2 text-red-900">
            {state.error}
          </p>
        )}
        {needsConsent && <Consent consultation={consultation} token={token} onDone={() => connection.reload()} />}
        {consultation.assessment && !open && (
          <Outcome consultation={consultation} emergency={emergency} />
        )}
        {open && !needsConsent && !emergency && <Composer consultation={consultation} onSend={(text) => connection.send(text)} />}
        {!open && !emergency && !consultation.assessment && (
          <p className="text-gray-800">{t('patient.chat.closed')}</p>
        )}
      </main>
    </div>
  );
}

function Transcript({ messages }: { messages: Message[] }) {
  const { t } = useTranslation();
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [messages.length]);
  return (
    <div role="log" aria-live="polite" aria-label={t('patient.chat.log')} data-testid="transcript">
      <ol className="flex flex-col gap-2">
        {messages.map((m) => (
          <MessageBubble key={m.id} message={m} />
        ))}
      </ol>
      <div ref={end} aria-hidden="true" />
    </div>
  );
}

function MessageBubble({ message }: { message: Message }) {
  const { t } = useTranslation();
  const mine = message.author === 'PATIENT';
  const staff = message.author === 'STAFF';
  const who = mine ? t('app.youLabel') : staff ? t('app.staffLabel') : t('app.aiLabel');
  return (
    <li
      className={`max-w-[85%] rounded-lg p-3 ${
        mine ? 'self-end bg-blue-700 text-white' : staff ? 'self-start border-2 border-emerald-700 bg-emerald-50 text-gray-900' : 'self-start bg-gray-100 text-gray-900'
      }`}
      data-author={message.author}
      data-kind={message.kind}
    >
      <p className={`text-xs font-semibold ${mine ? 'text-blue-50' : 'text-gray-700'}`}>
        {who}
        {message.aiGenerated && <span className="sr-only">. {t('app.aiNotice')}</span>}
      </p>
      {message.kind === 'GUIDANCE' && <p className="text-xs font-semibold text-gray-700">{t('patient.chat.guidance')}</p>}
      {/* Text, never markup: whatever anyone typed is shown as typed. */}
      <p className="whitespace-pre-wrap break-words">{message.kind === 'GUIDANCE' ? <Linked text={message.text} /> : message.text}</p>
    </li>
  );
}

/** Guideline quotes end with their source's address: make it a link (the text itself stays text). */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https:\/\/[^\s"<>]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https:\/\//.test(part) ? (
          <a key={i} href={part.replace(/[.,;)]+$/, '')} target="_blank" rel="noopener noreferrer" className="text-blue-800 underline">
            {part}
          </a>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

function Consent({ consultation, token, onDone }: { consultation: Consultation; token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  async function answer(accepted: boolean) {
    try {
      await request(`/api/v1/consultations/${consultation.id}/consent`, { body: { accepted }, token });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError && e.status !== 0 ? e.detail : t('app.networkError'));
    }
  }
  return (
    <section aria-labelledby="consent-title" className="rounded border border-gray-400 p-3">
      <h2 id="consent-title" className="mb-2 text-lg font-semibold text-gray-900">
        {t('patient.consent.title')}
      </h2>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white" onClick={() => answer(true)}>
          {t('patient.consent.accept')}
        </button>
        <button type="button" className="rounded-lg border border-gray-600 px-4 py-2 text-gray-900" onClick={() => answer(false)}>
          {t('patient.consent.decline')}
        </button>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-red-900">
          {error}
        </p>
      )}
    </section>
  );
}

function Composer({ consultation, onSend }: { consultation: Consultation; onSend: (text: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const question = consultation.question;
  const notSure = t('patient.chat.notSure');
  const options = question?.options?.length ? question.options : [];
  const replies = options.some((o) => o.toLowerCase().includes(notSure.toLowerCase().slice(0, 8))) ? options : [...options, notSure];

  function send(value: string) {
    const trimmed = value.trim();
    if (!trimmed) return;
    onSend(trimmed);
    setText('');
    input.current?.focus();
  }

  return (
    <form
      className="sticky bottom-0 flex flex-col gap-2 border-t border-gray-300 bg-white pt-2"
      onSubmit={(e) => {
        e.preventDefault();
        send(text);
      }}
    >
      {question && (
        <div role="group" aria-label={t('patient.chat.quickReplies')} className="flex flex-wrap gap-2">
          {replies.map((option) => (
            <button
              key={option}
              type="button"
              className="rounded-full border border-blue-700 px-3 py-1 text-blue-900 hover:bg-blue-50"
              onClick={() => send(option)}
            >
              {option}
            </button>
          ))}
        </div>
      )}
      <div className="flex gap-2">
        <label htmlFor="message" className="sr-only">
          {t('patient.chat.inputLabel')}
        </label>
        <textarea
          id="message"
          ref={input}
          rows={2}
          maxLength={4000}
          className="flex-1 rounded border border-gray-500 p-2 text-gray-900"
          placeholder={t('patient.chat.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              send(text);
            }
          }}
        />
        <button type="submit" className="rounded-lg bg-blue-700 px-4 font-semibold text-white hover:bg-blue-800">
          {t('patient.chat.send')}
        </button>
      </div>
    </form>
  );
}
