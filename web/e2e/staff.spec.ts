import { expect, test } from '@playwright/test';
import { consultationByApi, DEMO, expectAccessible, mildColdAnswer, screenshot, staffLogin, totp } from './support';

test('a nurse signs in with TOTP, sees the emergency first, claims it, overrides another case, and the patient sees the instructions live', async ({ page, browser, request }) => {
  const emergency = await consultationByApi(request, 'I have crushing chest pain and I am sweating', mildColdAnswer);
  expect(emergency.status).toBe('ESCALATED');
  const cold = await consultationByApi(request, 'I have a cold with a runny nose and sneezing for two days', mildColdAnswer);
  expect(cold.status).toBe('AWAITING_REVIEW');

  // The patient keeps the chat open on their phone (resumed from the link that carries the token).
  const patientContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const patient = await patientContext.newPage();
  await patient.goto(`/c/${cold.id}#token=${cold.token}`);
  await expect(patient.getByTestId('outcome')).toBeVisible();
  await expect(patient.getByTestId('nurse-instructions')).toHaveCount(0);

  await staffLogin(page, '/nurse', DEMO.nurse);
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toHaveAttribute('data-disposition', 'EMERGENCY');
  await screenshot(page, 'nurse-queue');
  await expectAccessible(page, 'nurse queue');

  // The emergency: claim, accept.
  await page.goto(`/nurse/case/${emergency.id}`);
  await expect(page.getByTestId('assessment')).toContainText('Written by an automated assistant (AI)');
  await page.getByRole('button', { name: 'Claim' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('Claimed by nurse');
  await screenshot(page, 'nurse-case');
  await expectAccessible(page, 'nurse case view');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByTestId('decided')).toContainText('Decided: Emergency by nurse');
  // The demo clinic has no EHR configured: the decided case says so rather than pretending to send.
  await expect(page.getByTestId('export-status')).toContainText('not queued');

  // The cold: claim, override up to routine with a reason and instructions for the patient.
  await page.goto(`/nurse/case/${cold.id}`);
  await page.getByRole('button', { name: 'Claim' }).click();
  await page.getByLabel('Override').check();
  await page.getByLabel('Your disposition').selectOption('ROUTINE');
  const reason = page.getByLabel('Reason for override');
  await reason.selectOption({ index: 1 });
  await page.getByLabel('Note (for the record)').fill('Symptoms for longer than the patient first said.');
  await page.getByLabel(/Instructions for the patient/).fill('Please book an appointment for tomorrow morning.');
  await expectAccessible(page, 'decision form');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByTestId('decided')).toContainText('AI: Self-care · Nurse: Routine');

  // No reload on the patient's side: the decision arrives over the socket.
  await expect(patient.getByTestId('nurse-instructions')).toContainText('Please book an appointment for tomorrow morning.');
  await expect(patient.getByTestId('review-status')).toContainText('A nurse has reviewed');
  await screenshot(patient, 'patient-reviewed');
  await expectAccessible(patient, 'patient after review');
  await patientContext.close();

  await page.getByRole('link', { name: 'Analytics' }).click();
  await expect(page.getByTestId('analytics-cards')).toContainText('Override rate');
  await screenshot(page, 'nurse-analytics');
  await expectAccessible(page, 'analytics');
});

test("a patient's message with <script> and HTML shows as text in the nurse's view", async ({ page, request }) => {
  const payload = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"><b>sore throat</b> for two days';
  const c = await consultationByApi(request, payload, mildColdAnswer);
  expect(c.status).not.toBe('IN_PROGRESS');
  await staffLogin(page, '/nurse', DEMO.nurse);
  await page.goto(`/nurse/case/${c.id}`);
  const line = page.getByTestId('case-transcript').locator('[data-author="PATIENT"]').first();
  await expect(line).toContainText('<script>window.__xss = 1</script>');
  await expect(line).toContainText('<b>sore throat</b>');
  expect(await page.getByTestId('case-transcript').locator('script, img, b').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('a clinic admin changes the emergency number, and the patient page shows it', async ({ page, request }) => {
  await staffLogin(page, '/admin', DEMO.admin);
  await expect(page.getByLabel('Emergency number')).toHaveValue('911');
  await expectAccessible(page, 'admin clinic settings');
  await page.getByLabel('Emergency number').fill('112');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect((await (await request.get('/api/v1/clinics/demo')).json()).emergencyNumber).toBe('112');
  await page.getByLabel('Emergency number').fill('not a number');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('emergencyNumber');
  await page.getByLabel('Emergency number').fill('911');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved');

  for (const [link, name] of [['Review targets', 'admin-targets'], ['Reason codes', 'admin-reasons'], ['Staff', 'admin-staff']] as const) {
    await page.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { name: link, exact: true })).toBeVisible();
    await screenshot(page, name);
    await expectAccessible(page, name);
  }
  await expect(page.getByRole('cell', { name: 'nurse', exact: true })).toBeVisible();

  // The clinic's own guidance: uploaded here, quoted to the clinic's patients at once.
  await page.getByRole('link', { name: 'Guidance documents' }).click();
  await expectAccessible(page, 'admin documents');
  await page.getByLabel('Title (plain text only)').fill('Flu vaccination clinic');
  await page.getByLabel(/^Document/).setInputFiles({
    name: 'flu-clinic.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Our flu vaccination clinic runs every Tuesday morning from 9 to 12 in room 4. No appointment is needed; bring your vaccination card.'),
  });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status')).toContainText('is searchable');
  await expect(page.getByTestId('documents')).toContainText('Flu vaccination clinic');
  await screenshot(page, 'admin-documents');

  const patient = await page.context().browser()!.newContext();
  const chat = await patient.newPage();
  await chat.goto('/?clinic=demo&lang=en');
  await chat.getByRole('button', { name: 'Start', exact: true }).click();
  await chat.getByRole('button', { name: 'I agree, start' }).click();
  await chat.getByLabel('Your message').fill('When does the flu vaccination clinic run?');
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(chat.getByTestId('transcript').locator('[data-kind="GUIDANCE"]').first()).toContainText('every Tuesday morning');
  await patient.close();
});

test('a nurse page asks to sign in and the sign-in page is accessible', async ({ page }) => {
  await page.goto('/nurse');
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await screenshot(page, 'nurse-login');
  await expectAccessible(page, 'nurse sign-in');
  await page.getByLabel('Clinic').fill('demo');
  await page.getByLabel('User name').fill('nurse');
  await page.getByLabel('Password', { exact: true }).fill('wrong-password-123');
  await page.getByLabel(/6-digit code/).fill('000000');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
});

test('an admin adds a nurse; the nurse enrols MFA and sets a password at first sign-in', async ({ page, browser }) => {
  const username = `e2e-${Date.now().toString(36)}`;
  await staffLogin(page, '/admin', DEMO.admin);
  await page.getByRole('link', { name: 'Staff' }).click();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Name', { exact: true }).fill('Test Nurse');
  await page.getByLabel(/Temporary password/).fill('a-temporary-pass-phrase-42');
  await page.getByRole('button', { name: 'Add a staff member' }).click();
  // A sign-in counts as a fresh authentication for 5 minutes; later, the page asks for password + code again.
  await expect(page.getByRole('status')).toContainText('Account created');
  await expect(page.getByRole('cell', { name: username, exact: true })).toBeVisible();

  const context = await browser.newContext();
  const nurse = await context.newPage();
  await nurse.goto('/nurse');
  await nurse.getByLabel('Clinic').fill('demo');
  await nurse.getByLabel('User name').fill(username);
  await nurse.getByLabel('Password', { exact: true }).fill('a-temporary-pass-phrase-42');
  await nurse.getByRole('button', { name: 'Sign in' }).click();
  await expect(nurse.getByRole('heading', { name: 'Set up two-factor authentication' })).toBeVisible();
  await expect(nurse.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expectAccessible(nurse, 'MFA enrolment');
  const secret = (await nurse.locator('code').innerText()).trim();
  await nurse.getByLabel(/6-digit code/).fill(totp(secret, Math.floor(Date.now() / 30000)));
  await nurse.getByRole('button', { name: 'Confirm' }).click();
  await expect(nurse.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  await nurse.getByRole('button', { name: /I have saved them/ }).click();
  await expect(nurse.getByRole('heading', { name: 'Change password' })).toBeVisible();
  await nurse.getByLabel('Password', { exact: true }).fill('a-temporary-pass-phrase-42');
  await nurse.getByLabel(/New password/).fill('my-own-secret-pass-phrase-7');
  await nurse.getByRole('button', { name: 'Change password' }).click();
  await expect(nurse.getByRole('heading', { name: 'Review queue' })).toBeVisible();
  await context.close();
});
