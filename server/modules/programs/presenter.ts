import type { Selectable } from 'kysely';
import type { ProgramT } from '../../../common/contracts/programs';
import type { Locale } from '../../../common/i18n/locales';
import type { ProgramsTable } from '../../db/schema';
import type { organisationsOfPrograms } from './repo';

type OrgRow = Awaited<ReturnType<typeof organisationsOfPrograms>>[number];

export const presentProgram = (p: Selectable<ProgramsTable>, orgs: OrgRow[], locale: Locale): ProgramT => ({
  id: p.id,
  code: p.code,
  name: p[`name_${locale}`],
  summary: p[`summary_${locale}`],
  names: { vi: p.name_vi, en: p.name_en, ja: p.name_ja },
  startsOn: p.starts_on,
  endsOn: p.ends_on,
  isDemo: p.is_demo,
  organisations: orgs
    .filter((o) => o.program_id === p.id)
    .map((o) => ({ id: o.id, name: o.name, kind: o.kind, role: o.role })),
});
