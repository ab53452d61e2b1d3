-- Headquarters' schema, version 1. Times are epoch milliseconds (bigint) set by the service's
-- clock, so a test's clock and the branches' clocks compare without time zones.

create table regions (
  id text primary key,
  name jsonb not null
);

create table branches (
  id serial primary key,
  code text not null unique,
  name jsonb not null,
  region_id text not null references regions (id),
  created_at bigint not null
);

-- Branch tokens: only a SHA-256 of each is kept; revoked ones stay for the audit trail.
create table branch_tokens (
  id serial primary key,
  branch_id int not null references branches (id),
  token_hash text not null unique,
  label text not null,
  created_at bigint not null,
  revoked_at bigint
);

create table hq_users (
  id text primary key,
  name text not null,
  role text not null check (role in ('headOffice', 'regional')),
  region_id text references regions (id),
  password_hash text not null,
  check ((role = 'regional') = (region_id is not null))
);

create table hq_sessions (
  token_hash text primary key,
  user_id text not null references hq_users (id) on delete cascade,
  expires_at bigint not null
);

-- Every journal record of every branch: the branch's own line ({e, m}) as JSON text, keyed by
-- (branch, business day, seq). Partitioned by month of the business day: a month's partition
-- can be detached, archived or dropped on its own, and queries for a day or a month touch one
-- partition. Partitions are created as events for a new month arrive (see partitions.ts).
create table events (
  branch_id int not null,
  day date not null,
  seq int not null,
  rec json not null,
  primary key (branch_id, day, seq)
) partition by range (day);

-- Where HQ's copy of each branch stands: the events HQ holds are exactly first_seq..last_seq.
create table replication_state (
  branch_id int primary key references branches (id),
  first_seq int,
  last_seq int,
  last_day date,
  last_event_at bigint,
  branch_seq int,
  last_heard_at bigint,
  gaps int not null default 0,
  config_hash text
);

-- One row per branch and business day with events at HQ: the day's seq range and whether its
-- dayClosed has arrived. Written with each batch, so no query has to scan events to find days.
create table branch_days (
  branch_id int not null references branches (id),
  day date not null,
  first_seq int not null,
  last_seq int not null,
  closed boolean not null default false,
  primary key (branch_id, day)
);

-- Events a branch could not send (its journal was pruned before it reached HQ).
create table replication_gaps (
  branch_id int not null references branches (id),
  after_seq int,
  resumed_seq int not null,
  day date not null,
  noticed_at bigint not null,
  primary key (branch_id, resumed_seq)
);

-- The configuration each branch builds its reports with, by content hash.
create table config_versions (
  branch_id int not null references branches (id),
  hash text not null,
  config jsonb not null,
  received_at bigint not null,
  primary key (branch_id, hash)
);

-- A day's summary per branch: the branch's own (shipped at close), or HQ's from the replicated
-- events for a day the branch has not summarised yet (today, so far). The branch's wins.
create table day_summaries (
  branch_id int not null references branches (id),
  day date not null,
  summary jsonb not null,
  source text not null check (source in ('branch', 'hq')),
  through_seq int,
  computed_at bigint not null,
  primary key (branch_id, day)
);
create index day_summaries_by_day on day_summaries (day, branch_id);

create table feedback (
  branch_id int not null references branches (id),
  id text not null,
  record jsonb not null,
  received_at bigint not null,
  primary key (branch_id, id)
);
