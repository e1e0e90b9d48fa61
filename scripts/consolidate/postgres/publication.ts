/**
 * The publication views (pub_*): the indicator views' counts of people with small-cell
 * suppression, in SQL: the routine of docs/indicators.md ("Reports that leave the organisation")
 * written again in PL/pgSQL over the same report model (the cells and relations a reader knows),
 * so a ministry can publish from the store what the lead's report would publish. A test holds it
 * to src/shared/indicators/suppression.ts cell by cell.
 */
import { AGE_BANDS } from '../../../src/shared/indicators/dataset';
import { GENDERS, OUTCOME_KINDS, SERVICES, TARGET_GROUPS } from '../../../src/shared/model';

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
const fixedOrder = (keys: readonly string[], column: string) => `coalesce(array_position(array[${keys.map(literal).join(', ')}]::text[], ${column}), 1000)`;

/** A breakdown's cells in the report's order: its fixed categories first, then the rest by count (desc) and name. */
const breakdown = (group: string, prefix: string, view: string, key: string, count: string, fixed: readonly string[] = []) => `
  select ${literal(group)} as grp, ${literal(prefix)} || ${key} as cell, ${count} as count,
    row_number() over (order by ${fixedOrder(fixed, key)}, ${count} desc, ${key} collate "und-x-icu") as sub
  from ${view}`;

export function publicationSql(): string {
  const parts = [
    `select 'head' as grp, c.cell, c.count, c.sub from (values ('reach.total', (select people_reached from mreza.v_reach), 1), ('reach.beneficiaries', (select beneficiaries from mreza.v_reach), 2), ('reach.professionals', (select professionals from mreza.v_reach), 3)) as c(cell, count, sub)`,
    breakdown('byGender', 'reach.byGender.', 'mreza.v_reach_by_gender', 'gender', 'people', GENDERS),
    breakdown('byAgeBand', 'reach.byAgeBand.', 'mreza.v_reach_by_age_band', 'age_band', 'people', AGE_BANDS),
    breakdown('byMunicipality', 'reach.byMunicipality.', 'mreza.v_reach_by_municipality', 'municipality', 'people'),
    breakdown('byCountry', 'reach.byCountry.', 'mreza.v_reach_by_country', 'country', 'people'),
    breakdown('byTargetGroup', 'reach.byTargetGroup.', 'mreza.v_reach_by_target_group', 'target_group', 'people', TARGET_GROUPS),
    breakdown('byPartner', 'reach.byPartner.', 'mreza.v_reach_by_partner', 'org_id', 'people'),
    `select 'participants', 'training.participants', participants, 1 from mreza.v_training`,
    breakdown('byProgramme', 'reach.byProgramme.', 'mreza.v_reach_by_programme', 'programme_id', 'people'),
    breakdown('servicesByPeople', 'mentoring.servicesByPeople.', 'mreza.v_mentoring_services', 'service', 'people', SERVICES),
    breakdown('servicesBySessions', 'mentoring.servicesBySessions.', 'mreza.v_mentoring_services', 'service', 'sessions', SERVICES),
    breakdown('outcomesByKind', 'outcomes.byKind.', 'mreza.v_outcomes_by_kind', 'kind', 'people', OUTCOME_KINDS),
    `select 'tail', c.cell, c.count, c.sub from (values ('training.completions', (select completions from mreza.v_training), 1), ('training.certificates', (select certificates from mreza.v_training), 2), ('outcomes.smesSupported', (select smes_supported from mreza.v_outcomes_employers), 3), ('outcomes.placedWithEmployers', (select placed_with_employers from mreza.v_outcomes_employers), 4)) as c(cell, count, sub)`,
  ];
  const groups = [
    'head',
    'byGender',
    'byAgeBand',
    'byMunicipality',
    'byCountry',
    'byTargetGroup',
    'byPartner',
    'participants',
    'byProgramme',
    'servicesByPeople',
    'servicesBySessions',
    'outcomesByKind',
    'tail',
  ];
  return `
-- Every protected count of the report, in the report's order (ord).
create or replace view mreza.report_cells as
  select row_number() over (order by array_position(array[${groups.map(literal).join(', ')}]::text[], grp), sub) as ord, grp, cell, count
  from (${parts.join('\n  union all ')}) as c;

-- The relations a reader knows: each exclusive breakdown of people reached sums to it, partners
-- cover it, programmes are part of the participants, services part of everyone reached.
create or replace view mreza.report_relations as
  with c as (select * from mreza.report_cells)
  select rel, total, array_agg(cell order by ord) as parts from (
    select 1 as rel, 'reach.total' as total, cell, ord from c where cell in ('reach.beneficiaries', 'reach.professionals')
    union all select 2 + g.i, 'reach.total', c.cell, c.ord from c join (values ('byGender', 0), ('byAgeBand', 1), ('byMunicipality', 2), ('byCountry', 3), ('byTargetGroup', 4), ('byPartner', 5)) as g(grp, i) on c.grp = g.grp
    union all select 8, 'reach.total', cell, ord from c where cell = 'training.participants'
    union all select 9, 'training.participants', cell, ord from c where grp = 'byProgramme'
    union all select 10, 'reach.total', cell, ord from c where grp = 'servicesByPeople'
  ) as r group by rel, total;

-- The first hidden cell (in report order) a reader can narrow to one value, by bounds propagation
-- over the relations; 0 when none.
create or replace function mreza.first_recoverable(vals float8[], st text[], t int, r_total int[], r_kind text[], r_from int[], r_to int[], r_parts int[])
returns int language plpgsql immutable as $$
declare
  n int := coalesce(array_length(vals, 1), 0);
  lo float8[] := array_fill(0::float8, array[n]);
  hi float8[] := array_fill(0::float8, array[n]);
  changed boolean := true;
  pass int := 0;
  r int; k int; p int; tot int;
  sum_lo float8; sum_hi float8; others_hi float8; max_lo float8; nlo float8; nhi float8;
begin
  for i in 1..n loop
    if st[i] = 'shown' then lo[i] := vals[i]; hi[i] := vals[i];
    elsif st[i] = 'small' then lo[i] := 1; hi[i] := t - 1;
    elsif vals[i] >= t then lo[i] := t; hi[i] := 'Infinity';
    else lo[i] := 0; hi[i] := 'Infinity'; end if;
  end loop;
  while changed and pass < 1000 loop
    changed := false; pass := pass + 1;
    for r in 1..coalesce(array_length(r_total, 1), 0) loop
      tot := r_total[r];
      sum_lo := 0; sum_hi := 0; max_lo := 0;
      for k in r_from[r]..r_to[r] loop
        p := r_parts[k]; sum_lo := sum_lo + lo[p]; sum_hi := sum_hi + hi[p]; max_lo := greatest(max_lo, lo[p]);
      end loop;
      if r_kind[r] = 'sum' then
        nlo := greatest(lo[tot], sum_lo); nhi := least(hi[tot], sum_hi);
        if nlo <> lo[tot] or nhi <> hi[tot] then lo[tot] := nlo; hi[tot] := nhi; changed := true; end if;
        for k in r_from[r]..r_to[r] loop
          p := r_parts[k];
          others_hi := 0;
          for j in r_from[r]..r_to[r] loop if j <> k then others_hi := others_hi + hi[r_parts[j]]; end if; end loop;
          nlo := greatest(lo[p], lo[tot] - others_hi); nhi := least(hi[p], hi[tot] - (sum_lo - lo[p]));
          if nlo <> lo[p] or nhi <> hi[p] then lo[p] := nlo; hi[p] := nhi; changed := true; end if;
        end loop;
        continue;
      end if;
      nlo := greatest(lo[tot], max_lo);
      if nlo <> lo[tot] then lo[tot] := nlo; changed := true; end if;
      for k in r_from[r]..r_to[r] loop
        p := r_parts[k];
        nlo := greatest(lo[p], 0); nhi := least(hi[p], hi[tot]);
        if nlo <> lo[p] or nhi <> hi[p] then lo[p] := nlo; hi[p] := nhi; changed := true; end if;
      end loop;
      if r_kind[r] = 'cover' then
        nhi := least(hi[tot], sum_hi);
        if nhi <> hi[tot] then hi[tot] := nhi; changed := true; end if;
        for k in r_from[r]..r_to[r] loop
          p := r_parts[k];
          others_hi := 0;
          for j in r_from[r]..r_to[r] loop if j <> k then others_hi := others_hi + hi[r_parts[j]]; end if; end loop;
          nlo := greatest(lo[p], lo[tot] - others_hi);
          if nlo <> lo[p] then lo[p] := nlo; changed := true; end if;
        end loop;
      end if;
    end loop;
  end loop;
  for i in 1..n loop
    if st[i] <> 'shown' and lo[i] = hi[i] then
      -- A cell whose own mark already says one value (threshold 2: "<2") is the threshold's choice, not a recovery.
      if st[i] = 'small' and t - 1 <= 1 then continue; end if;
      return i;
    end if;
  end loop;
  return 0;
end $$;

-- Primary and complementary suppression of the report at a threshold (default: the store's).
create or replace function mreza.publication_cells(threshold int default null)
returns table(ord int, cell text, count int, state text, shown text) language plpgsql stable as $$
declare
  t int := coalesce(threshold, (select s.threshold from mreza.store s));
  ids text[]; vals float8[]; st text[]; n int;
  r_total int[] := '{}'; r_kind text[] := '{}'; r_from int[] := '{}'; r_to int[] := '{}'; r_parts int[] := '{}';
  is_total boolean[];
  rec record; tot int; psum float8; bad boolean; idx int[]; x int;
  exposed int; guard int; mine int[]; cand int[]; pick int;
begin
  select array_agg(c.cell order by c.ord), array_agg(c.count::float8 order by c.ord) into ids, vals from mreza.report_cells c;
  n := coalesce(array_length(ids, 1), 0);
  st := array_fill('shown'::text, array[n]);
  is_total := array_fill(false, array[n]);
  if t > 0 then
    for i in 1..n loop if vals[i] > 0 and vals[i] < t then st[i] := 'small'; end if; end loop;
    -- The relations that hold of these values (a reader who guesses that categories do not overlap is right exactly when they sum).
    for rec in select * from mreza.report_relations order by rel loop
      tot := array_position(ids, rec.total);
      idx := array(select array_position(ids, c) from unnest(rec.parts) as c);
      bad := false; psum := 0;
      foreach x in array idx loop if vals[x] > vals[tot] then bad := true; end if; psum := psum + vals[x]; end loop;
      continue when bad or cardinality(idx) = 0;
      r_total := r_total || tot;
      r_kind := r_kind || (case when psum = vals[tot] then 'sum' when psum > vals[tot] then 'cover' else 'subset' end);
      r_from := r_from || (cardinality(r_parts) + 1);
      r_parts := r_parts || idx;
      r_to := r_to || cardinality(r_parts);
      is_total[tot] := true;
    end loop;
    for guard in 0..(n + cardinality(r_total)) loop
      exposed := mreza.first_recoverable(vals, st, t, r_total, r_kind, r_from, r_to, r_parts);
      exit when exposed = 0;
      -- The relations of the exposed cell, and their shown non-zero counts; else one relation further out.
      mine := array(select r from generate_subscripts(r_total, 1) as r
        where r_total[r] = exposed or exposed = any(r_parts[r_from[r]:r_to[r]]));
      cand := array(select distinct c from unnest(mine) as r, unnest(array[r_total[r]] || r_parts[r_from[r]:r_to[r]]) as c where st[c] = 'shown' and vals[c] > 0);
      if cardinality(cand) = 0 then
        cand := array(select distinct c from unnest(mine) as r0, unnest(array[r_total[r0]] || r_parts[r_from[r0]:r_to[r0]]) as m,
          generate_subscripts(r_total, 1) as r, unnest(array[r_total[r]] || r_parts[r_from[r]:r_to[r]]) as c
          where (r_total[r] = m or m = any(r_parts[r_from[r]:r_to[r]])) and st[c] = 'shown' and vals[c] > 0);
      end if;
      if cardinality(cand) > 0 then
        select c into pick from unnest(cand) as c order by is_total[c], vals[c], ids[c] collate "und-x-icu" limit 1;
        st[pick] := 'secondary';
      else
        for x in select distinct c from unnest(mine) as r, unnest(array[r_total[r]] || r_parts[r_from[r]:r_to[r]]) as c loop st[x] := 'secondary'; end loop;
      end if;
    end loop;
    if mreza.first_recoverable(vals, st, t, r_total, r_kind, r_from, r_to, r_parts) <> 0 then
      st := array_fill('secondary'::text, array[n]);
    end if;
  end if;
  return query select i, ids[i], vals[i]::int, st[i],
    case st[i] when 'shown' then vals[i]::int::text when 'small' then '<' || t else 'x' end
  from generate_subscripts(ids, 1) as i order by i;
end $$;

-- What may be published: every count of people of the report as the lead's report shows it
-- (a number, "<5" or "x"), at the store's threshold (mreza.store.threshold).
create or replace view mreza.pub_cells as select ord, cell, shown from mreza.publication_cells();
create or replace view mreza.pub_reach as
  select max(shown) filter (where cell = 'reach.total') as people_reached,
    max(shown) filter (where cell = 'reach.beneficiaries') as beneficiaries,
    max(shown) filter (where cell = 'reach.professionals') as professionals,
    max(shown) filter (where cell = 'reach.byGender.woman') as women
  from mreza.pub_cells;
${[
  ['pub_reach_by_gender', 'reach.byGender.', 'gender', 'people'],
  ['pub_reach_by_age_band', 'reach.byAgeBand.', 'age_band', 'people'],
  ['pub_reach_by_municipality', 'reach.byMunicipality.', 'municipality', 'people'],
  ['pub_reach_by_country', 'reach.byCountry.', 'country', 'people'],
  ['pub_reach_by_target_group', 'reach.byTargetGroup.', 'target_group', 'people'],
  ['pub_reach_by_partner', 'reach.byPartner.', 'org_id', 'people'],
  ['pub_reach_by_programme', 'reach.byProgramme.', 'programme_id', 'people'],
  ['pub_mentoring_services_people', 'mentoring.servicesByPeople.', 'service', 'people'],
  ['pub_mentoring_services_sessions', 'mentoring.servicesBySessions.', 'service', 'sessions'],
  ['pub_outcomes_by_kind', 'outcomes.byKind.', 'kind', 'people'],
]
  .map(
    ([view, prefix, column, count]) =>
      `create or replace view mreza.${view} as select substr(cell, ${prefix!.length + 1}) as ${column}, shown as ${count} from mreza.pub_cells where starts_with(cell, ${literal(prefix!)}) order by ord;`,
  )
  .join('\n')}
create or replace view mreza.pub_training as
  select max(shown) filter (where cell = 'training.participants') as participants,
    max(shown) filter (where cell = 'training.completions') as completions,
    max(shown) filter (where cell = 'training.certificates') as certificates
  from mreza.pub_cells;
create or replace view mreza.pub_outcomes_employers as
  select max(shown) filter (where cell = 'outcomes.smesSupported') as smes_supported,
    max(shown) filter (where cell = 'outcomes.placedWithEmployers') as placed_with_employers
  from mreza.pub_cells;
`;
}
