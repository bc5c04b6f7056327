import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StaffSessionProvider } from '../staff/session';
import { AdminApp } from './AdminApp';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

/** Plays the server's side of the HTTP API: enough of it for the admin's staff page. */
function server() {
  const calls: string[] = [];
  let reauthenticated = false;
  const staff = [{ id: 'u1', username: 'nurse', displayName: 'Nurse', role: 'NURSE', mfaEnrolled: true, disabled: false, locked: false, chargeNurse: false }];
  const patches: unknown[] = [];
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url}`);
    if (url === '/api/v1/auth/refresh') return json(200, { status: 'AUTHENTICATED', accessToken: 'at', refreshToken: 'rt2' });
    if (url === '/api/v1/auth/me') return json(200, { userId: 'a1', clinicId: 'c1', username: 'admin', role: 'CLINIC_ADMIN', passwordChangeRequired: false });
    if (url === '/api/v1/admin/staff' && method === 'GET') return json(200, staff);
    if (url === '/api/v1/admin/staff' && method === 'POST') {
      if (!reauthenticated) {
        return json(403, { type: 'https://medassist.example/problems/reauthentication-required', title: 'Forbidden', status: 403, detail: 'Confirm your password and code first.' }, 'application/problem+json');
      }
      const body = JSON.parse(String(init?.body));
      staff.push({ id: 'u2', username: body.username, displayName: body.displayName, role: body.role, mfaEnrolled: false, disabled: false, locked: false, chargeNurse: false });
      return json(201, staff[1]);
    }
    if (url === '/api/v1/admin/staff/u1' && method === 'PATCH') {
      const body = JSON.parse(String(init?.body));
      patches.push(body);
      staff[0] = { ...staff[0], ...body };
      return json(200, staff[0]);
    }
    if (url === '/api/v1/auth/reauthenticate') {
      const body = JSON.parse(String(init?.body));
      if (body.password !== 'admin-password' || body.totp !== '123456') return json(400, { detail: 'Wrong password or code.' });
      reauthenticated = true;
      return new Response(null, { status: 204 });
    }
    return json(404, { detail: `no ${url}` });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, patches };
}

function renderStaffPage() {
  render(
    <MemoryRouter initialEntries={['/admin/staff']}>
      <StaffSessionProvider>
        <Routes>
          <Route path="/admin/*" element={<AdminApp />} />
        </Routes>
      </StaffSessionProvider>
    </MemoryRouter>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('staff administration', () => {
  it('asks for password and code when the server wants a fresh authentication, then retries the change once', async () => {
    sessionStorage.setItem('medassist.staff.refresh', 'rt1');
    const { calls } = server();
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={['/admin/staff']}>
        <StaffSessionProvider>
          <Routes>
            <Route path="/admin/*" element={<AdminApp />} />
          </Routes>
        </StaffSessionProvider>
      </MemoryRouter>,
    );
    await screen.findByRole('cell', { name: 'nurse' });
    await user.type(screen.getByLabelText('User name'), 'newnurse');
    await user.type(screen.getByLabelText(/Temporary password/), 'a-long-temporary-pass');
    await user.click(screen.getByRole('button', { name: 'Add a staff member' }));

    const dialog = await screen.findByRole('dialog', { name: 'Confirm it is you' });
    await user.type(screen.getAllByLabelText('Password').at(-1)!, 'admin-password');
    await user.type(screen.getAllByLabelText(/6-digit code/).at(-1)!, '123456');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));

    await screen.findByRole('cell', { name: 'newnurse' });
    expect(dialog).not.toBeInTheDocument();
    expect(calls.filter((c) => c === 'POST /api/v1/admin/staff')).toHaveLength(2);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Account created'));
  });

  it('puts a nurse in charge with one checkbox (a duty, not a role)', async () => {
    sessionStorage.setItem('medassist.staff.refresh', 'rt1');
    const { patches } = server();
    const user = userEvent.setup();
    renderStaffPage();
    const inCharge = await screen.findByRole('checkbox', { name: /In charge/ });
    expect(inCharge).not.toBeChecked();
    await user.click(inCharge);
    await waitFor(() => expect(screen.getByRole('checkbox', { name: /In charge/ })).toBeChecked());
    expect(patches).toEqual([{ chargeNurse: true }]);
  });
});
