/**
 * The national store's schema `mreza` (docs/postgres.md): the tables of columns.ts, the partners
 * and their imports, and one view per indicator of docs/indicators.md, written in SQL on their
 * own (not a copy of compute.ts's figures), project to date as of the store's today. Created
 * idempotently (IF NOT EXISTS, CREATE OR REPLACE) on every run.
 */
import { AGE_BANDS } from '../../../src/shared/indicators/dataset';
import { GENDERS, OUTCOME_KINDS, SERVICES, TARGET_GROUPS } from '../../../src/shared/model';
import { EMPLOYER_OUTCOME_KINDS } from '../../../src/shared/organisations/register';
import { BUNDLE_TABLES, columnsOf, tableName } from './columns';

/** Bumped when the tables change shape; a store of another version is refused, never altered silently. */
export const STORE_VERSION = 1;

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** A fixed category list as a VALUES table (key, ord), so every view lists its categories even at 0. */
const categories = (keys: readonly string[]) => `(values ${keys.map((k, i) => `(${literal(k)}, ${i})`).join(', ')}) as k(key, ord)`;

export function tablesSql(): string {
  const data = BUNDLE_TABLES.map((t) => {
    const cols = columnsOf(t).map(([name, , type]) => `  ${name} ${type}${name === 'org_id' || name === 'id' || name === 'seq' ? ' not null' : ''}`);
    return `create table if not exists mreza.${tableName(t)} (\n${cols.join(',\n')},\n  primary key (org_id, id)\n);`;
  });
  return `
create schema if not exists mreza;
create table if not exists mreza.store (
  project_id text not null,
  project_name text not null,
  store_version int not null,
  -- The zone whose calendar day decides which sessions are held (the lead's, as in its app).
  time_zone text not null,
  -- Small-cell threshold of the publication views (pub_*).
  threshold int not null default 5,
  singleton boolean primary key default true check (singleton)
);
create table if not exists mreza.partners (
  org_id text primary key,
  name text not null,
  country text not null,
  privacy text not null,
  export_id text not null,
  exported_at timestamptz not null,
  file_name text,
  file_sha256 text not null,
  fingerprint text not null,
  public_keys jsonb not null,
  -- The partner's own figures (indicators.json): the only figures of a partner that sent totals only.
  indicators jsonb not null,
  tombstones jsonb not null,
  imported_at timestamptz not null default now()
);
create table if not exists mreza.imports (
  id bigserial primary key,
  org_id text not null,
  export_id text not null,
  exported_at timestamptz not null,
  file_name text,
  file_sha256 text not null,
  privacy text not null,
  fingerprint text not null,
  trust text not null,
  rows jsonb not null,
  imported_at timestamptz not null default now()
);
${data.join('\n')}
create index if not exists attendance_session on mreza.attendance (org_id, session_id);
create index if not exists mentoring_sessions_match on mreza.mentoring_sessions (org_id, match_id);
`;
}

/** The views (replaced on every run, so a newer tool brings its definitions). */
export function viewsSql(): string {
  const employerKinds = EMPLOYER_OUTCOME_KINDS.map(literal).join(', ');
  return `
create or replace function mreza.today() returns date language sql stable as
  $$ select (now() at time zone (select time_zone from mreza.store))::date $$;

create or replace function mreza.age_band(birth_year int, at_year int) returns text language sql immutable as $$
  select case when birth_year is null or birth_year = 0 then 'unknown'
    when at_year - birth_year < 15 then 'under15'
    when at_year - birth_year >= 65 then '65plus'
    else (floor((at_year - birth_year - 5) / 10.0) * 10 + 5)::int || '-' || ((floor((at_year - birth_year - 5) / 10.0) * 10 + 5)::int + 9) end $$;

-- Held: a training session by its day; a mentoring session by its day unless still planned.
create or replace view mreza.held_sessions as
  select s.*, e.programme_id from mreza.sessions s
  left join mreza.events e on e.org_id = s.org_id and e.id = s.event_id
  where s.date <= mreza.today();
create or replace view mreza.held_mentoring_sessions as
  select l.*, m.mentee_id from mreza.mentoring_sessions l
  join mreza.matches m on m.org_id = l.org_id and m.id = l.match_id
  where l.date <= mreza.today() and l.status is distinct from 'planned';

-- Every way a person was reached: present or late at a held session (phase 0), or a mentee with a
-- held mentoring session (phase 1, on the day of the first). person_key makes her one person
-- across partners (the pseudonymous key).
create or replace view mreza.reach_contacts as
  select 0 as phase, a.org_id, a.seq, p.id as person_id, coalesce(p.pseudo_key, p.id) as person_key, s.date as day, s.programme_id
  from mreza.attendance a
  join mreza.held_sessions s on s.org_id = a.org_id and s.id = a.session_id
  join mreza.people p on p.org_id = a.org_id and p.id = a.person_id
  where a.status in ('present', 'late')
  union all
  select 1, m.org_id, m.seq, p.id, coalesce(p.pseudo_key, p.id), l.first_day, null
  from mreza.matches m
  join (select org_id, match_id, min(date) as first_day from mreza.held_mentoring_sessions group by org_id, match_id) l on l.org_id = m.org_id and l.match_id = m.id
  join mreza.people p on p.org_id = m.org_id and p.id = m.mentee_id;

-- One row per person reached. Where partners' records of her differ, the record reached first
-- (training before mentoring, then partner and record order) decides her gender, age band and place.
create or replace view mreza.reached_people as
  with c as (select * from mreza.reach_contacts),
  first_contact as (
    select distinct on (person_key) person_key, person_id, org_id, phase, seq, min(day) over (partition by person_key) as first_day
    from c order by person_key, phase, org_id collate "C", seq
  )
  select f.person_key, f.org_id as record_org_id, f.person_id as record_id,
    row_number() over (order by f.phase, f.org_id collate "C", f.seq) as reach_order,
    f.first_day,
    p.kind, p.gender,
    case when p.age_band is not null then p.age_band else 'unknown' end as age_band,
    coalesce(p.target_groups, '{}') as target_groups,
    p.place_key, p.place_name,
    coalesce(p.country, 'unknown') as country
  from first_contact f join mreza.people p on p.org_id = f.org_id and p.id = f.person_id;

create or replace view mreza.v_reach as
  select count(*)::int as people_reached,
    count(*) filter (where kind = 'beneficiary')::int as beneficiaries,
    count(*) filter (where kind = 'professional')::int as professionals,
    count(*) filter (where gender = 'woman')::int as women,
    case when count(*) > 0 then (count(*) filter (where gender = 'woman'))::float8 / count(*) end as women_share
  from mreza.reached_people;

create or replace view mreza.v_reach_by_gender as
  select k.key as gender, count(r.person_key)::int as people from ${categories(GENDERS)}
  left join mreza.reached_people r on r.gender = k.key group by k.key, k.ord
  union all select r.gender, count(*)::int from mreza.reached_people r where r.gender is null or r.gender not in (${GENDERS.map(literal).join(', ')}) group by r.gender;

create or replace view mreza.v_reach_by_age_band as
  select k.key as age_band, count(r.person_key)::int as people from ${categories(AGE_BANDS)}
  left join mreza.reached_people r on r.age_band = k.key group by k.key, k.ord;

create or replace view mreza.v_reach_by_target_group as
  with g as (select distinct person_key, unnest(target_groups) as target_group from mreza.reached_people)
  select k.key as target_group, count(g.person_key)::int as people from ${categories(TARGET_GROUPS)}
  left join g on g.target_group = k.key group by k.key, k.ord
  union all select g.target_group, count(*)::int from g where g.target_group not in (${TARGET_GROUPS.map(literal).join(', ')}) group by g.target_group;

-- A municipality the gazetteer knows is one row under its canonical name; any other spelling is
-- one row per folded spelling, named as first written (by the person reached first).
create or replace view mreza.v_reach_by_municipality as
  select coalesce((array_agg(place_name order by reach_order))[1], 'unknown') as municipality, count(*)::int as people
  from mreza.reached_people group by place_key;

create or replace view mreza.v_reach_by_country as
  select country, count(*)::int as people from mreza.reached_people group by country;

-- A person counts once in each programme (training only) and each partner that reached her.
create or replace view mreza.v_reach_by_programme as
  select c.org_id, c.programme_id, count(distinct c.person_key)::int as people
  from mreza.reach_contacts c where c.programme_id is not null group by c.org_id, c.programme_id;

create or replace view mreza.v_reach_by_partner as
  select c.org_id, pa.name as partner, count(distinct c.person_key)::int as people
  from mreza.reach_contacts c join mreza.partners pa on pa.org_id = c.org_id group by c.org_id, pa.name;

-- People reached for the first time in each month, every month from the first to the last.
create or replace view mreza.v_reach_by_month as
  with m as (select date_trunc('month', first_day)::date as month, count(*)::int as people from mreza.reached_people group by 1)
  select to_char(s.month, 'YYYY-MM') as month, coalesce(m.people, 0) as people
  from generate_series((select min(month) from m), (select max(month) from m), interval '1 month') as s(month)
  left join m on m.month = s.month::date;

create or replace view mreza.v_training as
  with held as (select * from mreza.held_sessions),
  marked as (select a.* from mreza.attendance a join held s on s.org_id = a.org_id and s.id = a.session_id),
  held_events as (select distinct org_id, event_id, programme_id from held)
  select
    (select count(distinct coalesce(programme_id, chr(1))) from held_events)::int as programmes,
    (select count(*) from held_events)::int as events,
    (select count(*) from held)::int as sessions,
    (select count(distinct coalesce(p.pseudo_key, a.person_id)) from marked a left join mreza.people p on p.org_id = a.org_id and p.id = a.person_id
      where a.status in ('present', 'late'))::int as participants,
    (select case when count(*) > 0 then (count(*) filter (where status in ('present', 'late')))::float8 / count(*) end from marked) as attendance_rate,
    (select count(*) from mreza.enrolments e join held_events h on h.org_id = e.org_id and h.event_id = e.event_id where e.status = 'completed')::int as completions,
    (select count(*) from mreza.certificates where issued_on is not null)::int as certificates;

create or replace view mreza.v_mentoring as
  select
    (select count(*) from mreza.matches where status = 'active')::int as active_pairs,
    (select count(*) from mreza.matches where status = 'closed' and closed_on is not null)::int as closed_pairs,
    (select count(*) from mreza.held_mentoring_sessions)::int as sessions,
    (select round(coalesce(sum(minutes), 0) / 60.0, 1) from mreza.held_mentoring_sessions)::float8 as hours;

-- Sessions in which each service was given, and unique mentees who received it.
create or replace view mreza.v_mentoring_services as
  select k.key as service,
    (select count(*) from mreza.held_mentoring_sessions l where k.key = any(l.services))::int as sessions,
    (select count(distinct coalesce(p.pseudo_key, l.mentee_id)) from mreza.held_mentoring_sessions l
      left join mreza.people p on p.org_id = l.org_id and p.id = l.mentee_id where k.key = any(l.services))::int as people
  from ${categories(SERVICES)} order by k.ord;

create or replace view mreza.v_outcomes_by_kind as
  select k.key as kind, count(distinct coalesce(p.pseudo_key, o.person_id))::int as people
  from ${categories(OUTCOME_KINDS)}
  left join mreza.outcomes o on o.kind = k.key and o.date is not null
  left join mreza.people p on p.org_id = o.org_id and p.id = o.person_id
  group by k.key, k.ord;

create or replace view mreza.v_outcomes_employers as
  with smes as (select * from mreza.organisations where kind = 'sme' and is_self is not true and supported_on is not null)
  select (select count(*) from smes)::int as smes_supported,
    (select coalesce(sum(jobs_created), 0) from smes)::int as jobs_opened,
    (select count(distinct coalesce(p.pseudo_key, o.person_id)) from mreza.outcomes o left join mreza.people p on p.org_id = o.org_id and p.id = o.person_id
      where o.kind in (${employerKinds}) and coalesce(o.employer_id, '') <> '' and o.date is not null)::int as placed_with_employers;
`;
}
