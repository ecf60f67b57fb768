import { sqlMigration } from './sql.js';

// A snooze of one person's item: the thank-you to one interviewer of a panel (`net snooze
// i12c3`), what an application owes one person (`net snooze j4c7`). Their row of the link
// table keeps it; the record's own `snoozed_until` stays the snooze of everyone on it
// (`net snooze i12`), and is what a person without a snooze of their own follows.
export const personSnooze = sqlMigration(
  21,
  'person-snooze',
  `ALTER TABLE interaction_contacts ADD COLUMN snoozed_until TEXT;
   ALTER TABLE job_contacts ADD COLUMN snoozed_until TEXT;`,
);
