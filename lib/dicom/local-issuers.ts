// Whose Patient ID is it? A DICOM Patient ID (0010,0020) is only an MRN of this
// hospital when it was issued here: an outside hospital's CD may carry ID
// "12345" for a different person than Konsil's patient 12345. Issuer of Patient
// ID (0010,0021) says who issued it; DICOM_LOCAL_ISSUERS lists the issuers that
// mean "this hospital's MRN". An object whose issuer is not among them is never
// linked to, nor creates, a patient by its Patient ID (import it for a named
// patient instead). Objects without an issuer are read as local (as before).
// Pure (no imports): lib/env.ts reads the default from here.

/** Default of DICOM_LOCAL_ISSUERS: the issuer Konsil's demo world writes into its CT series. */
export const DEFAULT_DICOM_LOCAL_ISSUERS = 'KONSIL-DEMO';

/** "HOSP-A, hosp-b" → ['HOSP-A', 'HOSP-B']; unset → the default; '' → none. */
export function parseLocalIssuers(value: string | undefined): string[] {
  return (value ?? DEFAULT_DICOM_LOCAL_ISSUERS)
    .split(',')
    .map(normalize)
    .filter(Boolean);
}

/** Compared trimmed and case-insensitively (LO values are often padded or re-cased by PACS exports). */
export function isLocalIssuer(issuer: string, localIssuers: readonly string[]): boolean {
  return localIssuers.includes(normalize(issuer));
}

export function foreignIssuerReason(patientId: string, issuer: string): string {
  return (
    `Patient ID ${patientId.slice(0, 64)} was issued by ${issuer.slice(0, 64)}, not by this hospital: import it for a named patient` +
    ` (Issuer of Patient ID (0010,0021) is not in DICOM_LOCAL_ISSUERS, so Konsil does not link or create a patient by this ID)`
  );
}

function normalize(issuer: string): string {
  return issuer.trim().toUpperCase();
}
