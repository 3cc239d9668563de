import type { MINUTES_FILE_TYPES } from '../../../common/contracts/meetings.contract.ts';

// Scanned minutes are accepted by what the bytes are, never by the name or the declared type (security.md "Files:
// size cap, magic bytes").

type MinutesType = (typeof MINUTES_FILE_TYPES)[number];

const SIGNATURES: { type: MinutesType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The file's type from its first bytes, or null when it is not a PDF, PNG or JPEG. */
export function sniffMinutesType(data: Uint8Array): MinutesType | null {
  for (const s of SIGNATURES) {
    if (data.length >= s.bytes.length && s.bytes.every((b, i) => data[i] === b)) return s.type;
  }
  return null;
}

const EXTENSION: Record<MinutesType, string> = { 'application/pdf': '.pdf', 'image/png': '.png', 'image/jpeg': '.jpg' };

/**
 * A name safe to store and to send back in Content-Disposition: the last path segment, no control characters,
 * bounded, and ending with the extension of the sniffed type.
 */
export function safeMinutesFileName(name: string | undefined, type: MinutesType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(0, 150);
  const stem = cleaned.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'bien-ban';
  return `${stem}${EXTENSION[type]}`;
}
