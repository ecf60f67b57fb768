// How an import recognises a person already in the journal: the same email (any case) or
// the same profile URL (scheme, `www.`, case and trailing slashes ignored). Stored beside
// the values (schema 10) so that an import finds them through an index.

export const emailKey = (email: string): string => email.trim().toLowerCase();

/** A profile URL with scheme, `www.`, case and trailing slashes ignored. */
export function urlKey(url: string): string {
  return url.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
}
