import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, mildColdAnswer, screenshot } from './support';

async function startConsultation(page: Page) {
  await page.goto('/?clinic=demo&lang=en');
  await expect(page.getByRole('heading', { name: 'Tell us what is wrong' })).toBeVisible();
  await expectAccessible(page, 'start screen');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('button', { name: 'I agree, start' })).toBeVisible();
  await expectAccessible(page, 'consent');
  await page.getByRole('button', { name: 'I agree, start' }).click();
  await expect(page.getByLabel('Your message')).toBeVisible();
}

async function say(page: Page, text: string) {
  await page.getByLabel('Your message').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

test('a patient with chest pain and sweating gets the emergency banner at once, and the chat stops', async ({ page }) => {
  await startConsultation(page);
  await say(page, 'I have crushing chest pain and I am sweating');
  const banner = page.getByTestId('emergency-banner');
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('link', { name: 'Call 911 now' })).toHaveAttribute('href', 'tel:911');
  await expect(page.getByLabel('Your message')).toHaveCount(0);
  await expect(page.getByTestId('outcome')).toContainText('This may be an emergency.');
  await screenshot(page, 'patient-emergency');
  await expectAccessible(page, 'emergency banner');
  // Still there after a reload: the banner is persistent.
  await page.reload();
  await expect(page.getByTestId('emergency-banner')).toBeVisible();
});

test('a patient with a cold gets self-care advice with citations and is told a nurse will review', async ({ page }) => {
  await startConsultation(page);
  await say(page, 'I have a cold with a runny nose and sneezing for two days');
  const outcome = page.getByTestId('outcome');
  for (let n = 0; n < 30 && !(await outcome.isVisible()); n++) {
    const replies = page.getByRole('group', { name: 'Suggested answers' });
    await expect(replies.or(outcome)).toBeVisible();
    if (await outcome.isVisible()) break;
    const options = await replies.getByRole('button').allInnerTexts();
    const answer = mildColdAnswer(options.filter((o) => o !== "I'm not sure").length ? options : []);
    const messages = page.getByTestId('transcript').locator('li');
    const before = await messages.count();
    if (options.includes(answer)) await replies.getByRole('button', { name: answer, exact: true }).click();
    else await say(page, answer);
    // Wait for this answer and the assistant's reply, so the next round reads the next question's options.
    await expect.poll(() => messages.count()).toBeGreaterThanOrEqual(before + 2);
    await expect(page.getByTestId('typing')).toHaveCount(0);
  }
  await expect(outcome).toBeVisible();
  await expect(outcome.getByText('You can probably look after this at home.')).toBeVisible();
  const citations = page.getByTestId('advice').getByTestId('citation');
  expect(await citations.count()).toBeGreaterThan(0);
  await expect(citations.first()).toHaveAttribute('href', /^https:\/\//);
  await expect(page.getByTestId('review-status')).toContainText('A nurse from the clinic will review');
  await screenshot(page, 'patient-self-care');
  await expectAccessible(page, 'self-care outcome');
});

test('a message typed while offline is delivered after reconnect, once', async ({ page, context, request }) => {
  await startConsultation(page);
  const id = page.url().split('/c/')[1];
  const token = await page.evaluate((c) => localStorage.getItem(`medassist.consultation.${c}`), id);
  await context.setOffline(true);
  await expect(page.getByText(/You are offline/)).toBeVisible();
  await say(page, 'I have had a sore throat since yesterday');
  await expect(page.getByTestId('pending-message')).toContainText('sore throat since yesterday');
  await screenshot(page, 'patient-offline');
  await context.setOffline(false);
  await expect(page.getByTestId('pending-message')).toHaveCount(0);
  await expect(page.getByTestId('transcript').locator('[data-author="PATIENT"]', { hasText: 'sore throat since yesterday' })).toHaveCount(1);
  // The assistant answered it (a follow-up question), and the server holds it exactly once.
  await expect(page.getByRole('group', { name: 'Suggested answers' }).or(page.getByTestId('outcome'))).toBeVisible();
  const view = await (await request.get(`/api/v1/consultations/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json();
  const copies = view.messages.filter((m: { author: string; text: string }) => m.author === 'PATIENT' && m.text.includes('sore throat since yesterday'));
  expect(copies).toHaveLength(1);
  // A reload resumes the same conversation from this device.
  await page.reload();
  await expect(page.getByTestId('transcript')).toContainText('sore throat since yesterday');
});

test('the patient pages speak Spanish when the patient chooses it', async ({ page }) => {
  await page.goto('/?clinic=demo');
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { name: 'Cuéntenos qué le pasa' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.getByRole('button', { name: 'Empezar' }).click();
  await expect(page.getByRole('button', { name: 'Acepto, empezar' })).toBeVisible();
  await screenshot(page, 'patient-spanish');
  await expectAccessible(page, 'Spanish consent');
  await page.getByRole('button', { name: 'Acepto, empezar' }).click();
  // The red-flag layer reads Spanish: the emergency instructions come in Spanish at once.
  await page.getByLabel('Su mensaje').fill('Tengo un dolor muy fuerte en el pecho y estoy sudando mucho');
  await page.getByRole('button', { name: 'Enviar' }).click();
  const banner = page.getByTestId('emergency-banner');
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('link', { name: 'Llame ahora al 911' })).toHaveAttribute('href', 'tel:911');
  await expect(banner).toContainText('Emergencia');
  await screenshot(page, 'patient-spanish-emergency');
  await expectAccessible(page, 'Spanish emergency');
  await page.getByLabel('Idioma').selectOption('en');
});

test("a patient's own question is answered with quoted guidance and its source, never composed text", async ({ page }) => {
  await startConsultation(page);
  await say(page, 'I have a sore throat');
  await expect(page.getByRole('group', { name: 'Suggested answers' }).or(page.getByTestId('outcome'))).toBeVisible();
  await say(page, 'Can I take ibuprofen for a sore throat?');
  const quote = page.getByTestId('transcript').locator('[data-kind="GUIDANCE"]').first();
  await expect(quote).toBeVisible();
  await expect(quote).toContainText('Quoted from clinical guidance');
  await expect(quote.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
  await screenshot(page, 'patient-guidance-answer');
  await expectAccessible(page, 'guidance answer');
});
