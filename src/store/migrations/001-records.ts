import { sqlMigration } from './sql.js';

// The records of the contract's Data table. Dates are TEXT `YYYY-MM-DD`; booleans are 0/1.
export const records = sqlMigration(1, 'records', `
      CREATE TABLE contacts (
        id            INTEGER PRIMARY KEY,
        uuid          TEXT NOT NULL UNIQUE,
        name          TEXT NOT NULL CHECK (name <> ''),
        name_key      TEXT NOT NULL,
        company       TEXT,
        role          TEXT,
        email         TEXT,
        phone         TEXT,
        url           TEXT,
        met_where     TEXT,
        met_on        TEXT,
        introduced_by INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        tags          TEXT NOT NULL DEFAULT '[]',
        notes         TEXT,
        cadence_days  INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
        archived      INTEGER NOT NULL DEFAULT 0,
        snoozed_until TEXT,
        created_at    TEXT NOT NULL
      );
      CREATE INDEX contacts_name_key ON contacts(name_key);
      CREATE INDEX contacts_introduced_by ON contacts(introduced_by);

      CREATE TABLE interactions (
        id            INTEGER PRIMARY KEY,
        uuid          TEXT NOT NULL UNIQUE,
        on_date       TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('coffee','call','meeting','interview','email','message','event','intro','other')),
        summary       TEXT,
        thanks_owed   INTEGER NOT NULL DEFAULT 0,
        thanked_on    TEXT,
        no_reply      INTEGER NOT NULL DEFAULT 0,
        snoozed_until TEXT,
        created_at    TEXT NOT NULL
      );
      CREATE TABLE interaction_contacts (
        interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
        contact_id     INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        position       INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (interaction_id, contact_id)
      ) WITHOUT ROWID;
      CREATE INDEX interaction_contacts_contact ON interaction_contacts(contact_id, interaction_id);
      CREATE INDEX interactions_thanks_open ON interactions(id) WHERE thanks_owed = 1 AND thanked_on IS NULL;

      CREATE TABLE leads (
        id            INTEGER PRIMARY KEY,
        uuid          TEXT NOT NULL UNIQUE,
        source_id     INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        what          TEXT NOT NULL,
        person_id     INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        company       TEXT,
        job           TEXT,
        given_on      TEXT NOT NULL,
        status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','followed','reported','dropped')),
        followed_on   TEXT,
        reported_on   TEXT,
        outcome       TEXT,
        snoozed_until TEXT,
        created_at    TEXT NOT NULL
      );
      CREATE INDEX leads_source ON leads(source_id);
      CREATE INDEX leads_person ON leads(person_id);
      CREATE INDEX leads_active ON leads(status) WHERE status IN ('open','followed');

      CREATE TABLE promises (
        id             INTEGER PRIMARY KEY,
        uuid           TEXT NOT NULL UNIQUE,
        contact_id     INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        what           TEXT NOT NULL,
        direction      TEXT NOT NULL CHECK (direction IN ('mine','theirs')),
        made_on        TEXT NOT NULL,
        by_date        TEXT,
        status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','kept','dropped')),
        closed_on      TEXT,
        nudges         INTEGER NOT NULL DEFAULT 0,
        last_nudged_on TEXT,
        snoozed_until  TEXT,
        created_at     TEXT NOT NULL
      );
      CREATE INDEX promises_contact ON promises(contact_id);
      CREATE INDEX promises_open ON promises(id) WHERE status = 'open';

      CREATE TABLE needs (
        id         INTEGER PRIMARY KEY,
        uuid       TEXT NOT NULL UNIQUE,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        what       TEXT NOT NULL,
        noted_on   TEXT NOT NULL,
        status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','met','dropped')),
        closed_on  TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX needs_contact ON needs(contact_id);
      CREATE INDEX needs_open ON needs(contact_id) WHERE status = 'open';
    `);
