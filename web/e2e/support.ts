import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';

/** The demo staff's TOTP secret (demo mode only; printed by the server at start-up). */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

function base32(secret: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238 (SHA-1, 30 s, 6 digits), as an authenticator app computes it. */
export function totp(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

// The server accepts each time step once per user (replay protection): wait for a fresh one when needed.
const lastStep = new Map<string, number>();
export async function freshCode(user: string): Promise<string> {
  let step = Math.floor(Date.now() / 30000);
  while (lastStep.get(user) !== undefined && step <= lastStep.get(user)!) {
    await new Promise((r) => setTimeout(r, 1000));
    step = Math.floor(Date.now() / 30000);
  }
  lastStep.set(user, step);
  return totp(DEMO_TOTP_SECRET, step);
}

export const DEMO = {
  nurse: { username: 'nurse', password: 'nurse-demo-password' },
  admin: { username: 'admin', password: 'admin-demo-password' },
};

export async function staffLogin(page: Page, path: '/nurse' | '/admin', who: { username: string; password: string }) {
  await page.goto(path);
  await page.getByLabel('Clinic').fill('demo');
  await page.getByLabel('User name').fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByLabel(/6-digit code/).fill(await freshCode(who.username));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** WCAG 2.1 A and AA rules of axe-core: the page in its current state has no violation. */
export async function expectAccessible(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, `axe violations on ${state}`).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  mkdirSync('e2e-results/screenshots', { recursive: true });
  await page.screenshot({ path: `e2e-results/screenshots/${name}.png`, fullPage: true });
}

/** A patient's consultation over the public API (for cases the nurse tests need in the queue). */
export async function consultationByApi(request: APIRequestContext, opening: string, answer: (options: string[]) => string) {
  const started = await (await request.post('/api/v1/consultations', { data: { clinic: 'demo', language: 'en' } })).json();
  const auth = { Authorization: `Bearer ${started.accessToken}` };
  await request.post(`/api/v1/consultations/${started.id}/consent`, { data: { accepted: true }, headers: auth });
  let turn = await (await request.post(`/api/v1/consultations/${started.id}/messages`, { data: { text: opening, clientMessageId: crypto.randomUUID() }, headers: auth })).json();
  for (let n = 0; turn.question && n < 30; n++) {
    const text = answer(turn.question.options ?? []);
    turn = await (await request.post(`/api/v1/consultations/${started.id}/messages`, { data: { text, clientMessageId: crypto.randomUUID() }, headers: auth })).json();
  }
  return { id: started.id as string, token: started.accessToken as string, status: turn.status as string, disposition: turn.disposition as string };
}

/** Answers a patient with a mild cold gives: an adult, none of the warning signs. */
export function mildColdAnswer(options: string[]): string {
  if (options.includes('16 to 64 years')) return '16 to 64 years';
  if (options.includes('Not measured')) return 'Not measured';
  if (options.includes('No')) return 'No';
  if (options.length === 0) return 'It started two days ago and it is mild.';
  return "I'm not sure";
}
