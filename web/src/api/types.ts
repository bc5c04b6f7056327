// The v1 API's shapes, as the server sends them (see /v3/api-docs).

export type Disposition = 'EMERGENCY' | 'URGENT' | 'ROUTINE' | 'SELF_CARE';
export const DISPOSITIONS: Disposition[] = ['EMERGENCY', 'URGENT', 'ROUTINE', 'SELF_CARE'];

export type ConsultationStatus =
  | 'IN_PROGRESS'
  | 'ESCALATED'
  | 'AWAITING_REVIEW'
  | 'IN_REVIEW'
  | 'REVIEWED'
  | 'ABANDONED';

export interface Message {
  id: string;
  seq: number;
  author: 'PATIENT' | 'ASSISTANT' | 'STAFF';
  kind: 'TEXT' | 'QUESTION' | 'CONSENT' | 'NOTICE' | 'OUTCOME' | 'INSTRUCTION' | 'GUIDANCE';
  text: string;
  aiGenerated: boolean;
  questionId: string | null;
  options: string[] | null;
  inReplyTo: string | null;
  clientMessageId: string | null;
  createdAt: string;
}

export interface Question {
  id: string;
  text: string;
  options: string[] | null;
}

export interface Citation {
  title: string;
  url: string;
  section?: string;
  documentId?: string;
  publisher?: string;
}

export interface Assessment {
  disposition: Disposition;
  redFlags: { id: string; name: string; disposition: Disposition; instruction: string; source: Citation | null }[];
  present: { id: string; label: string }[];
  absent: { id: string; label: string }[];
  unknown: { id: string; label: string }[];
  reasons: { rule: string; disposition: Disposition; text: string; source: Citation | null; citations?: Citation[] }[];
  uncertainties: string[];
  advice: { protocol: string; items: string[]; source: Citation | null; cited?: { text: string; citations: Citation[] }[] }[];
  seekCareIf: string[];
  protocols: string[];
  measurements: string[];
  engineVersion: string;
  knowledgeBaseVersion: string;
}

export interface Consultation {
  id: string;
  clinic: string;
  status: ConsultationStatus;
  language: string;
  consent: { version: string; given: boolean; givenAt: string | null } | null;
  messages: Message[];
  question: Question | null;
  disposition: Disposition | null;
  assessment: Assessment | null;
  engineVersion: string;
  createdAt: string;
}

export interface StartedConsultation extends Consultation {
  accessToken: string;
}

export interface Turn {
  status: ConsultationStatus;
  messages: Message[];
  question: Question | null;
  disposition: Disposition | null;
}

export interface ClinicInfo {
  slug: string;
  name: string;
  emergencyNumber: string;
}

export type StaffRole = 'NURSE' | 'PHYSICIAN' | 'CLINIC_ADMIN' | 'AUDITOR';

export interface QueueItem {
  consultationId: string;
  state: 'QUEUED' | 'CLAIMED' | 'DECIDED';
  /** Who should take it: an unclaimed case climbs a tier per missed target; a second opinion goes to physicians. */
  tier: 'NURSE' | 'CHARGE_NURSE' | 'PHYSICIAN';
  aiDisposition: Disposition;
  escalated: boolean;
  queuedAt: string;
  waitingMinutes: number;
  claimedBy: string | null;
  claimExpiresAt: string | null;
  breaches: number;
  /** When the next target is missed if nobody claims the case (ROUTINE and SELF_CARE in working hours). */
  dueAt: string | null;
  aiGenerated: boolean;
}

export interface ReviewState {
  item: QueueItem;
  decidedDisposition: Disposition | null;
  reasonCode: string | null;
  note: string | null;
  patientInstructions: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  contactedPatient: boolean;
  secondOpinionNote: string | null;
}

export interface Case {
  review: ReviewState;
  consultation: Consultation;
  claimTarget: string | number;
}

export interface ReasonCode {
  code: string;
  label: string;
  active: boolean;
}

export interface AnalyticsReport {
  from: string;
  to: string;
  cases: number;
  decided: number;
  overrideRate: number;
  redFlagRate: number;
  breached: number;
  byDisposition: {
    disposition: Disposition;
    cases: number;
    decided: number;
    overriddenUp: number;
    overriddenDown: number;
    claimP50: number | null;
    claimP90: number | null;
    decisionP50: number | null;
    decisionP90: number | null;
    breached: number;
  }[];
}
