// Phone numbers as address books label and write them: the kind of line (vCard 3.0's TEL
// types) and a key that compares two ways of writing one number.

/** The TEL types net keeps, as vCard 3.0 (RFC 2426 §3.3.1) names them. */
export const PHONE_TYPES = ['cell', 'work', 'home', 'fax', 'pager', 'car', 'video', 'msg', 'voice'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

const ALIASES: Record<string, PhoneType> = {
  mobile: 'cell',
  cell: 'cell',
  cellular: 'cell',
  iphone: 'cell',
  business: 'work',
  work: 'work',
  office: 'work',
  company: 'work',
  home: 'home',
  fax: 'fax',
  pager: 'pager',
  car: 'car',
  video: 'video',
  msg: 'msg',
  voice: 'voice',
};

/**
 * The types of a phone from its labels (`TYPE=WORK,FAX`, Google's "Work Fax", Outlook's
 * "Business Fax" column), comma-separated in vCard order, or null when none is known.
 * `voice` alone says nothing a TEL does not, so it is kept only when it is all there is.
 */
export function phoneType(labels: readonly string[]): string | null {
  const found = new Set<PhoneType>();
  for (const label of labels) {
    for (const word of label.toLowerCase().split(/[^a-z]+/)) {
      const t = ALIASES[word];
      if (t) found.add(t);
    }
  }
  if (found.size > 1) found.delete('voice');
  const types = PHONE_TYPES.filter((t) => found.has(t));
  return types.length ? types.join(',') : null;
}

/** True for a stored phone type: known types, comma-separated, each once. */
export function isPhoneType(s: string): boolean {
  const parts = s.split(',');
  return parts.length > 0 && new Set(parts).size === parts.length && parts.every((p) => (PHONE_TYPES as readonly string[]).includes(p));
}

/**
 * Two writings of one number compare equal: only the digits count, and a leading country
 * code or trunk zero does not (the last nine digits decide). Null for text with fewer than
 * five digits, which identifies nobody.
 */
export function phoneKey(phone: string): string | null {
  const digits = phone.replace(/\D+/g, '');
  return digits.length >= 5 ? digits.slice(-9) : null;
}
