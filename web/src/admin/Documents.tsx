import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { useStaff } from '../staff/session';

interface DocumentView {
  id: string;
  version: number;
  title: string;
  mediaType: string;
  audience: string;
  ageGroup: string;
  language: string;
  sections: string[] | null;
  passages: number | null;
  createdAt: string;
}

const MAX_BYTES = 256 * 1024; // the server's default limit (medassist.knowledge.max-document-bytes)

/**
 * The clinic's own guidance documents (Markdown with front matter, or plain text with a title): searchable by
 * the clinic's staff and patients within seconds, beside the shared corpus. Replacing keeps every version.
 */
export function Documents() {
  const { t } = useTranslation();
  const { api } = useStaff();
  const [documents, setDocuments] = useState<DocumentView[] | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [audience, setAudience] = useState('patient');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const ids = { file: useId(), title: useId(), audience: useId() };

  const load = useCallback(async () => {
    try {
      setDocuments(await api<DocumentView[]>('/api/v1/admin/knowledge/documents'));
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.detail : String(e) });
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  async function upload(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setMessage({ ok: false, text: t('admin.documents.tooLarge') });
      return;
    }
    const markdown = /\.(md|markdown)$/i.test(file.name);
    const params = new URLSearchParams();
    if (!markdown) {
      params.set('title', title || file.name.replace(/\.[^.]+$/, ''));
      params.set('audience', audience);
    }
    try {
      const created = await api<DocumentView>(`/api/v1/admin/knowledge/documents?${params}`, {
        raw: { content: await file.text(), contentType: markdown ? 'text/markdown' : 'text/plain' },
      });
      setMessage({ ok: true, text: t('admin.documents.uploaded', { title: created.title, passages: created.passages ?? 0 }) });
      await load();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.detail : String(err) });
    }
  }

  async function remove(id: string) {
    try {
      await api(`/api/v1/admin/knowledge/documents/${encodeURIComponent(id)}`, { method: 'DELETE' });
      await load();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.detail : String(err) });
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-gray-900">{t('admin.nav.documents')}</h1>
      <p>{t('admin.documents.explain')}</p>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={`rounded p-2 ${message.ok ? 'bg-emerald-50 text-emerald-950' : 'bg-red-50 text-red-900'}`}>
          {message.text}
        </p>
      )}
      <form className="flex max-w-lg flex-col gap-2" onSubmit={upload}>
        <label htmlFor={ids.file}>{t('admin.documents.file')}</label>
        <input id={ids.file} type="file" accept=".md,.markdown,.txt,text/markdown,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} required />
        <label htmlFor={ids.title}>{t('admin.documents.title')}</label>
        <input id={ids.title} className="rounded border border-gray-500 px-2 py-1" value={title} onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor={ids.audience}>{t('admin.documents.audience')}</label>
        <select id={ids.audience} className="rounded border border-gray-500 px-2 py-1" value={audience} onChange={(e) => setAudience(e.target.value)}>
          <option value="patient">{t('admin.documents.patient')}</option>
          <option value="clinician">{t('admin.documents.clinician')}</option>
        </select>
        <button type="submit" className="self-start rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white">{t('admin.documents.upload')}</button>
      </form>
      {documents && documents.length === 0 && <p>{t('admin.documents.none')}</p>}
      {documents && documents.length > 0 && (
        <table className="border-collapse text-left text-sm" data-testid="documents">
          <thead>
            <tr className="border-b border-gray-400">
              <th scope="col" className="p-1">{t('admin.documents.title')}</th>
              <th scope="col" className="p-1">{t('admin.documents.audience')}</th>
              <th scope="col" className="p-1">{t('admin.documents.version')}</th>
              <th scope="col" className="p-1">{t('admin.staff.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id} className="border-b border-gray-200">
                <td className="p-1">{d.title}</td>
                <td className="p-1">{d.audience}</td>
                <td className="p-1">{d.version}</td>
                <td className="p-1">
                  <button type="button" className="rounded border border-gray-600 px-2" onClick={() => void remove(d.id)}>
                    {t('admin.documents.delete')}<span className="sr-only"> {d.title}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
