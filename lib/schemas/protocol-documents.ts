// Protocols (generated PDFs) as they leave the server, and the inputs of the actions that make them.
import { z } from 'zod';
import { idSchema } from './common';

export interface ProtocolDocumentDto {
  id: string;
  kind: 'CASE_PROTOCOL' | 'MEETING_PROTOCOL';
  /** The meeting whose decision (case protocol) or protocol (meeting protocol) the file holds. */
  meetingId: string | null;
  fileName: string;
  sha256: string;
  createdAt: string;
  createdBy: string | null;
  /** Case protocols: the decision version the letter holds. */
  decisionVersion: number | null;
}

/** A stored document, ready to send (route handlers). */
export interface GeneratedDocumentFile {
  id: string;
  fileName: string;
  contentType: string;
  sha256: string;
  bytes: Uint8Array;
}

export const generateCaseProtocolSchema = z.object({ decisionId: idSchema });
export const generateMeetingProtocolSchema = z.object({ meetingId: idSchema });
