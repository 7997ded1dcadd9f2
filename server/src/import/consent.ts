/**
 * Consent is never invented: an import may default the opt-ins of the new
 * contacts its file gives none for, but `yes` only when the person confirms
 * that the file records their consent (the wizard asks for it).
 */
export const CONSENT_REQUIRED =
  'defaultEmailOptIn/defaultSmsOptIn "yes" also needs consentRecorded: true (you confirm that the file records these contacts\' consent)';

export const consentIsRecorded = (options: { defaultEmailOptIn?: string | null; defaultSmsOptIn?: string | null; consentRecorded?: boolean }) =>
  !((options.defaultEmailOptIn === 'yes' || options.defaultSmsOptIn === 'yes') && !options.consentRecorded);

/** A fixed value of yes for an opt-in (a mapping literal) is the same claim as a default of yes. */
export const literalConsent = (mapping: ReadonlyArray<Record<string, unknown>>) =>
  mapping.some((m) => 'literal' in m && (m.field === 'emailOptIn' || m.field === 'smsOptIn') && String(m.literal).trim().toLowerCase() === 'yes');
