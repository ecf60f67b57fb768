import { phoneKey } from '../../core/phones.js';
import { emailKey, urlKey } from '../keys.js';
import type { Migration } from './index.js';

/**
 * First and last name and the phone's kind as the source gave them (for vCard N and TEL
 * types), and the keys an import matches people by, kept beside the values and indexed:
 * an import looks each row up instead of holding every contact's keys in memory.
 */
export const namesPhones: Migration = {
  version: 12,
  name: 'names-phones',
  up: (db) => {
    db.exec(`
      ALTER TABLE contacts ADD COLUMN given_name TEXT;
      ALTER TABLE contacts ADD COLUMN family_name TEXT;
      ALTER TABLE contacts ADD COLUMN phone_type TEXT;
      ALTER TABLE contacts ADD COLUMN email_key TEXT;
      ALTER TABLE contacts ADD COLUMN url_key TEXT;
      ALTER TABLE contacts ADD COLUMN phone_key TEXT;
    `);
    const set = db.prepare('UPDATE contacts SET email_key = ?, url_key = ?, phone_key = ? WHERE id = ?');
    const rows = db.prepare('SELECT id, email, url, phone FROM contacts WHERE email IS NOT NULL OR url IS NOT NULL OR phone IS NOT NULL').raw(true);
    for (const [id, email, url, phone] of rows.all() as Array<[number, string | null, string | null, string | null]>) {
      set.run(email === null ? null : emailKey(email), url === null ? null : urlKey(url), phone === null ? null : phoneKey(phone), id);
    }
    db.exec(`
      CREATE INDEX contacts_email_key ON contacts(email_key) WHERE email_key IS NOT NULL;
      CREATE INDEX contacts_url_key ON contacts(url_key) WHERE url_key IS NOT NULL;
      CREATE INDEX contacts_phone_key ON contacts(phone_key) WHERE phone_key IS NOT NULL;
    `);
  },
};
