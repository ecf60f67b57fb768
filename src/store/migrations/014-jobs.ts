import { sqlMigration } from './sql.js';

// Applications (`j<id>`, issue 14): the job search itself. An application moves through
// its stages (`stage`, and `stage_on` the day it entered it, from which "days in stage" and
// the ten days before you ask about it are counted); `asked_on` is the last time you asked
// about it. `landed_on` marks the one `net landed` wrapped the search up with.
// `job_contacts` links people to it: those you met for it (`met`), those `net landed` owes a
// landed item (`helped`: what they did), and when you last told them how it went (`told_on`).
// A referrer or a lead removed leaves the application (SET NULL); its links go with it.
export const jobs = sqlMigration(14, 'jobs', `
      CREATE TABLE jobs (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        uuid          TEXT NOT NULL UNIQUE,
        title         TEXT NOT NULL CHECK (title <> ''),
        company       TEXT NOT NULL CHECK (company <> ''),
        url           TEXT,
        via_id        INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        lead_id       INTEGER REFERENCES leads(id) ON DELETE SET NULL,
        stage         TEXT NOT NULL CHECK (stage IN ('interested','applied','screen','interview','offer','accepted','rejected','withdrawn')),
        stage_on      TEXT NOT NULL,
        started_on    TEXT NOT NULL,
        asked_on      TEXT,
        landed_on     TEXT,
        note          TEXT,
        snoozed_until TEXT,
        created_at    TEXT NOT NULL,
        recorded_on   TEXT
      );
      CREATE INDEX jobs_stage ON jobs(stage, stage_on);
      CREATE INDEX jobs_via ON jobs(via_id) WHERE via_id IS NOT NULL;
      CREATE INDEX jobs_lead ON jobs(lead_id) WHERE lead_id IS NOT NULL;
      CREATE INDEX jobs_landed ON jobs(landed_on) WHERE landed_on IS NOT NULL;
      CREATE TABLE job_contacts (
        job_id     INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        met        INTEGER NOT NULL DEFAULT 0,
        helped     TEXT,
        told_on    TEXT,
        position   INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (job_id, contact_id)
      );
      CREATE INDEX job_contacts_contact ON job_contacts(contact_id);
    `);
