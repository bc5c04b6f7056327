/**
 * The consultation's access token is the patient's only key to it. It stays on this device (localStorage) so a
 * reload or a closed tab resumes the conversation; a resume link carries it in the URL fragment, which browsers
 * never send to the server.
 */
export interface ConsultationCredentials {
  id: string;
  token: string;
}

const LAST = 'medassist.consultation.last';
const key = (id: string) => `medassist.consultation.${id}`;

export function saveCredentials(c: ConsultationCredentials): void {
  localStorage.setItem(key(c.id), c.token);
  localStorage.setItem(LAST, c.id);
}

export function credentialsFor(id: string, fragment = window.location.hash): ConsultationCredentials | null {
  const fromLink = new URLSearchParams(fragment.replace(/^#/, '')).get('token');
  if (fromLink) {
    saveCredentials({ id, token: fromLink });
    return { id, token: fromLink };
  }
  const token = localStorage.getItem(key(id));
  return token ? { id, token } : null;
}

export function lastConsultation(): ConsultationCredentials | null {
  const id = localStorage.getItem(LAST);
  return id ? credentialsFor(id, '') : null;
}

export function forget(id: string): void {
  localStorage.removeItem(key(id));
  if (localStorage.getItem(LAST) === id) localStorage.removeItem(LAST);
}
