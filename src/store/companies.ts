// What `net company` and `net companies` read: every contact with what companies compare
// (company, tags, introducer), leads, applications, open needs, and who met at events.
import type { CompanyContact, EventPeople } from '../core/companies.js';
import type { Db } from './db.js';

const CONTACT = `json_object('id', c.id, 'name', c.name, 'company', c.company, 'role', c.role, 'tags', json(c.tags),
  'introducedBy', iif(c.introduced_by IS NULL, NULL, json_object('id', c.introduced_by, 'name', i.name)))`;

export class Companies {
  constructor(private readonly db: Db) {}

  /** Every contact (archived ones too: you still know them), by name. */
  contacts(): CompanyContact[] {
    return this.db.jsonRows<CompanyContact>(CONTACT, 'FROM contacts c LEFT JOIN contacts i ON i.id = c.introduced_by', 'c.name_key, c.id');
  }

  /** The people of each event (interactions of kind event) with more than one person. */
  events(): EventPeople {
    const rows = this.db
      .stmt(
        `SELECT json_group_array(ic.contact_id) FROM interactions x JOIN interaction_contacts ic ON ic.interaction_id = x.id
         WHERE x.kind = 'event' GROUP BY x.id HAVING count(*) > 1 ORDER BY x.on_date, x.id`,
      )
      .pluck()
      .all() as string[];
    return rows.map((r) => JSON.parse(r) as number[]);
  }
}
