// security.md item 25: sensitive fields never travel in URLs. A citizen id (CCCD, Luật Căn cước 2023 Art. 12) is
// personal data that identifies a person on its own (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15); a URL ends up in
// browser history, proxy and server logs and Referer headers. Search texts that may carry one go in a POST body.

/**
 * Nine or more digits in a row, a space, dot or dash allowed between two of them ('068 198 004 217'): a 12-digit
 * citizen id, a prefix long enough to point at few people, or an old 9-digit identity card (CMND).
 * Party card numbers (8 digits) fall below it.
 */
const CITIZEN_ID_LIKE = /\p{Nd}(?:[\s.-]?\p{Nd}){8,}/u;

/** True when a search text may carry a citizen id: a GET refuses it (citizen_id_in_url), a POST body takes it. */
export function mayCarryCitizenId(text: string | null | undefined): boolean {
  return text != null && CITIZEN_ID_LIKE.test(text);
}

/**
 * What the web keeps out of its URLs: any digit at all. Names carry none, so name searches stay linkable while
 * citizen ids, their prefixes and card numbers stay in the page's memory and go to the server in a body.
 */
export function hasDigits(text: string | null | undefined): boolean {
  return text != null && /\p{Nd}/u.test(text);
}
