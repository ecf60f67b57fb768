import { sqlMigration } from './sql.js';

// Indexes for what a report selects by, so that it reads what its period holds rather than
// every record of a kind:
// - the conversations that are introductions (a thank-you owed for one, or one you made),
//   which the give and take counts for everyone a period touched (store/ledger.ts): a few
//   among thousands of conversations, all of which were read to find them;
// - leads by the day of their latest news, which a period selects leads by with their other
//   dates (schema 4 indexed those).
export const reportReads = sqlMigration(19, 'report-reads', `
      CREATE INDEX interactions_intros ON interactions(id) WHERE intro_of IS NOT NULL OR intro_by_me = 1;
      CREATE INDEX leads_news ON leads(news_on) WHERE news_on IS NOT NULL;
    `);
