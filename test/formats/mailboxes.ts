// Mailboxes as Google Takeout and Thunderbird write them, made by the tests (today is
// 2026-10-01; you are me@example.com; Dana and Bob are contacts, Sam is not). Threads,
// replies, encoded headers (RFC 2047, raw 8-bit), lists and bulk mail, and `From ` lines
// inside bodies, escaped (`>From`) or not.

export interface Message {
  envelope?: string;
  headers: string[];
  body?: string[];
}

/** The messages as one mbox: each after an envelope line, with an empty line between them. */
export function mbox(messages: readonly Message[], eol = '\n'): string {
  return messages
    .map((m) => [m.envelope ?? 'From MAILER-DAEMON Thu Jan  1 00:00:00 2026', ...m.headers, '', ...(m.body ?? ['Hello.']), ''].join(eol))
    .join(eol);
}

const takeout = (id: string) => `From ${id}@xxx Mon Sep 14 10:00:00 +0000 2026`;

export function threadsMailbox(): Message[] {
  return [
    // A thread: you ask Dana, she answers the next day, you answer the same day.
    {
      envelope: takeout('1'),
      headers: ['From: Me <me@example.com>', 'To: "Whitfield, Dana" <Dana@Acme.com>', 'Subject: Coffee next week?', 'Date: Mon, 14 Sep 2026 10:00:00 +0000', 'Message-ID: <m1@example.com>'],
      body: ['Hi Dana,', '', 'From what I heard you are hiring.', '', 'From me Mon Sep 14 10:00:00 2026 is not a separator without a blank line before', '>From here, escaped.'],
    },
    {
      envelope: takeout('2'),
      headers: [
        'From: =?UTF-8?Q?Dana_Whitfield?= <dana@acme.com>',
        'To: me@example.com',
        'Subject: =?UTF-8?B?UmU6IENvZmZlZSBuZXh0IHdlZWs/?=',
        'Date: Tue, 15 Sep 2026 09:00:00 +0000',
        'Message-ID: <d1@acme.com>',
        'In-Reply-To: <m1@example.com>',
        'References: <m1@example.com>',
      ],
    },
    {
      envelope: takeout('3'),
      headers: ['From: Me <me@example.com>', 'To: dana@acme.com', 'Subject: Re: Coffee next week?', 'Date: Tue, 15 Sep 2026 11:00:00 +0000', 'Message-ID: <m1b@example.com>', 'In-Reply-To: <d1@acme.com>', 'References: <m1@example.com> <d1@acme.com>'],
    },
    // You write to Bob twice; he never answers; the mailbox runs past a week.
    {
      envelope: takeout('4'),
      headers: ['From: me@example.com', 'To: Bob Ortiz <bob@globex.example>', 'Cc: Sam <sam@strangers.example>', 'Subject: Following up', 'Date: Mon, 07 Sep 2026 10:00:00 +0000', 'Message-ID: <m2@example.com>'],
    },
    // Within the last week of the mailbox: too early to call unanswered.
    {
      envelope: takeout('5'),
      headers: ['From: me@example.com', 'To: bob@globex.example', 'Subject: One more thing', 'Date: Fri, 18 Sep 2026 10:00:00 +0000', 'Message-ID: <m3@example.com>'],
    },
    // Lists, bulk, automatic, no-reply: skipped even when a contact sent them.
    { envelope: takeout('6'), headers: ['From: Dana Whitfield <dana@acme.com>', 'To: jobs@lists.example', 'List-Id: <jobs.lists.example>', 'Subject: [jobs] Hiring', 'Date: Wed, 16 Sep 2026 09:00:00 +0000', 'Message-ID: <l1@acme.com>'] },
    { envelope: takeout('7'), headers: ['From: Dana Whitfield <dana@acme.com>', 'To: me@example.com', 'List-Unsubscribe: <mailto:u@acme.com>', 'Subject: Newsletter', 'Date: Wed, 16 Sep 2026 09:00:00 +0000', 'Message-ID: <l2@acme.com>'] },
    { envelope: takeout('8'), headers: ['From: Dana Whitfield <dana@acme.com>', 'To: me@example.com', 'Precedence: bulk', 'Subject: Bulk', 'Date: Wed, 16 Sep 2026 09:00:00 +0000', 'Message-ID: <b1@acme.com>'] },
    { envelope: takeout('9'), headers: ['From: Dana Whitfield <dana@acme.com>', 'To: me@example.com', 'Auto-Submitted: auto-replied', 'Subject: Out of office', 'Date: Wed, 16 Sep 2026 09:00:00 +0000', 'Message-ID: <a1@acme.com>'] },
    { envelope: takeout('10'), headers: ['From: Acme <no-reply@acme.com>', 'To: me@example.com', 'Subject: Your application', 'Date: Wed, 16 Sep 2026 09:00:00 +0000', 'Message-ID: <n1@acme.com>'] },
    // A stranger, a bad date, a message from before --since.
    { envelope: takeout('11'), headers: ['From: Sam <sam@strangers.example>', 'To: me@example.com', 'Subject: Hi', 'Date: Wed, 16 Sep 2026 09:00:00 +0000', 'Message-ID: <s1@strangers.example>'] },
    { envelope: takeout('12'), headers: ['From: Dana Whitfield <dana@acme.com>', 'To: me@example.com', 'Subject: When?', 'Date: Tue, 31 Feb 2026 09:00:00 +0000', 'Message-ID: <x1@acme.com>'] },
    { envelope: takeout('13'), headers: ['From: Dana Whitfield <dana@acme.com>', 'To: me@example.com', 'Subject: Long ago', 'Date: Wed, 01 Jan 2025 09:00:00 +0000', 'Message-ID: <old@acme.com>'] },
    // The last message of the mailbox: it runs to Sep 20.
    { envelope: takeout('14'), headers: ['From: Sam <sam@strangers.example>', 'To: me@example.com', 'Subject: Bye', 'Date: Sun, 20 Sep 2026 09:00:00 +0000', 'Message-ID: <s2@strangers.example>'] },
  ];
}

/** Bob answers, ten days later, in a newer export that holds only the new mail. */
export function laterReply(): Message[] {
  return [
    {
      envelope: 'From - Mon Sep 21 10:00:00 2026',
      headers: ['From: Bob Ortiz <bob@globex.example>', 'To: me@example.com', 'Subject: Re: Following up', 'Date: Thu, 17 Sep 2026 10:00:00 +0000', 'Message-ID: <b2@globex.example>', 'In-Reply-To: <m2@example.com>'],
    },
  ];
}
