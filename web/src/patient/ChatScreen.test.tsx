import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Assessment, Consultation, Message } from '../api/types';
import i18n from '../i18n';
import { DispositionBadge } from '../ui/DispositionBadge';
import { EmergencyBanner } from './EmergencyBanner';
import { Outcome } from './Outcome';

const message = (over: Partial<Message>): Message => ({
  id: crypto.randomUUID(), seq: 1, author: 'ASSISTANT', kind: 'TEXT', text: '', aiGenerated: true, questionId: null,
  options: null, inReplyTo: null, clientMessageId: null, createdAt: '2026-01-01T00:00:00Z', ...over,
});

const assessment = (over: Partial<Assessment>): Assessment => ({
  disposition: 'SELF_CARE', redFlags: [], present: [], absent: [], unknown: [], reasons: [], uncertainties: [],
  advice: [], seekCareIf: [], protocols: [], measurements: [], engineVersion: 'e', knowledgeBaseVersion: 'k', ...over,
});

const consultation = (over: Partial<Consultation>): Consultation => ({
  id: 'c1', clinic: 'demo', status: 'AWAITING_REVIEW', language: 'en', consent: null, messages: [], question: null,
  disposition: null, assessment: null, engineVersion: 'e', createdAt: '2026-01-01T00:00:00Z', ...over,
});

describe('EmergencyBanner', () => {
  it('gives the clinic number as a tel: link and the red flag instruction, as an alert', async () => {
    await i18n.changeLanguage('en');
    render(
      <EmergencyBanner
        emergencyNumber="112 00"
        consultation={consultation({
          status: 'ESCALATED',
          assessment: assessment({
            disposition: 'EMERGENCY',
            redFlags: [{ id: 'rf', name: 'Chest pain with sweating', disposition: 'EMERGENCY', instruction: 'Call for an ambulance now.', source: null }],
          }),
        })}
      />,
    );
    const banner = screen.getByRole('alert');
    expect(within(banner).getByRole('link', { name: 'Call 112 00 now' })).toHaveAttribute('href', 'tel:11200');
    expect(banner).toHaveTextContent('Call for an ambulance now.');
    expect(within(banner).getByRole('heading')).toHaveFocus();
  });

  it('speaks Spanish when the patient chose it', async () => {
    await i18n.changeLanguage('es');
    render(<EmergencyBanner emergencyNumber="911" consultation={consultation({ status: 'ESCALATED' })} />);
    expect(screen.getByRole('link', { name: 'Llame ahora al 911' })).toBeInTheDocument();
    await i18n.changeLanguage('en');
  });
});

describe('Outcome', () => {
  it('shows each piece of advice with its citation link and says a nurse will review', () => {
    render(
      <Outcome
        emergency={false}
        consultation={consultation({
          assessment: assessment({
            advice: [{ protocol: 'cold-flu', items: ['Rest and drink plenty of fluids.'], source: { title: 'Common cold - NHS', url: 'https://www.nhs.uk/conditions/common-cold/' } }],
            seekCareIf: ['You feel much worse.'],
          }),
        })}
      />,
    );
    expect(screen.getByText('Rest and drink plenty of fluids.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Common cold - NHS/ })).toHaveAttribute('href', 'https://www.nhs.uk/conditions/common-cold/');
    expect(screen.getByTestId('review-status')).toHaveTextContent('A nurse from the clinic will review');
    expect(screen.getByText(/not by a clinician/)).toBeInTheDocument();
  });

  it('shows the nurse instructions as text once reviewed', () => {
    render(
      <Outcome
        emergency={false}
        consultation={consultation({
          status: 'REVIEWED',
          assessment: assessment({}),
          messages: [message({ author: 'STAFF', kind: 'INSTRUCTION', aiGenerated: false, text: '<b>Come in at 3pm</b>' })],
        })}
      />,
    );
    expect(screen.getByTestId('review-status')).toHaveTextContent('A nurse has reviewed');
    const box = screen.getByTestId('nurse-instructions');
    expect(box).toHaveTextContent('<b>Come in at 3pm</b>');
    expect(box.querySelector('b')).toBeNull();
  });
});

describe('DispositionBadge', () => {
  it('names the disposition in words, not colour alone', () => {
    render(<DispositionBadge disposition="URGENT" />);
    expect(screen.getByText('Urgent')).toBeInTheDocument();
  });
});
