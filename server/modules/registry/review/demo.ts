/**
 * Demo pairs for the review queue, so the page has something to decide on a fresh start:
 *   - Lan, twice: the account of a demo learner of the Mekong partner (hocvien01) and the record the
 *     Hòa Lạc college's roster made of her (no accents, a phone, another province): the same name and
 *     birth date, so likely one person; merging keeps her account and brings the class she finished there;
 *   - Hùng, twice: two rosters sharing a phone number, the birth dates one digit apart.
 * The score and reasons are the matcher's own. Idempotent: nothing is done when the demo records exist.
 */
import type { AppContext } from '../../../lib/context';
import { demoCohortCode } from '../../enrolment/demo';
import * as enrolmentRepo from '../../enrolment/repo';
import { findUserByEmail } from '../../identity/repo';
import { findOrganisationBySlug } from '../../organisations/repo';
import { ensurePersonForUser, insertPerson } from '../../people/repo';
import { compare, type PersonRecord } from '../match';
import { setNameKeys } from '../repo';
import * as repo from './repo';

type Db = AppContext['db'];

const LAN_ROSTER_EMAIL = 'nguyenthilan.1998@example.vn';

interface DemoRecord extends PersonRecord {
  organisation: string;
  userEmail?: string;
  cohortCode?: string;
}

const records: [DemoRecord, DemoRecord][] = [
  [
    {
      userEmail: 'hocvien01@demo.nhanluc.vn',
      fullName: 'Nguyễn Thị Lan',
      sex: 'F',
      dateOfBirth: '1998-07-15',
      provinceCode: '92',
      organisation: 'demo-hoc-vien-ky-nang-so-mekong',
    },
    {
      fullName: 'Nguyen Thi Lan',
      sex: 'F',
      dateOfBirth: '1998-07-15',
      provinceCode: '01',
      phone: '+84912345678',
      email: LAN_ROSTER_EMAIL,
      organisation: 'demo-cao-dang-cong-nghe-hoa-lac',
      cohortCode: demoCohortCode('lap-rap-bo-mach-in-ssw', 1),
    },
  ],
  [
    {
      fullName: 'Trần Văn Hùng',
      sex: 'M',
      dateOfBirth: '1992-03-18',
      provinceCode: '92',
      phone: '+84903111222',
      organisation: 'demo-hoc-vien-ky-nang-so-mekong',
    },
    {
      fullName: 'Tran Van Hung',
      sex: 'M',
      dateOfBirth: '1992-03-08',
      provinceCode: '48',
      phone: '+84903111222',
      organisation: 'demo-trung-tam-ban-dan-da-nang',
    },
  ],
];

async function demoPerson(db: Db, r: DemoRecord): Promise<{ id: string; record: PersonRecord } | null> {
  const org = await findOrganisationBySlug(db, r.organisation);
  if (!org) return null;
  let id: string;
  if (r.userEmail) {
    const user = await findUserByEmail(db, r.userEmail);
    if (!user) return null;
    id = (await ensurePersonForUser(db, user.id)).id;
  } else {
    id = (await insertPerson(db, { fullName: r.fullName })).id;
  }
  const p = await repo.fillIdentity(db, id, {
    sex: r.sex as 'F' | 'M',
    dateOfBirth: r.dateOfBirth ?? undefined,
    provinceCode: r.provinceCode ?? undefined,
    phone: r.phone ?? undefined,
    email: r.email ?? undefined,
  });
  const record: PersonRecord = {
    fullName: p.full_name,
    sex: p.sex,
    dateOfBirth: p.date_of_birth,
    provinceCode: p.province_code,
    phone: p.phone,
    email: p.email,
    nationalIdHash: p.national_id_hash,
  };
  await setNameKeys(db, id, record.fullName);
  await repo.knownTo(db, id, org.id);
  const cohort = r.cohortCode ? await enrolmentRepo.findCohortByCode(db, org.id, r.cohortCode) : undefined;
  if (cohort) {
    // Completed, as the partner's roster recorded it: a finished enrolment is left alone by the
    // class's day-to-day work (attendance, withdrawals, transfers) that other demos show.
    const e = await enrolmentRepo.insertEnrolment(db, {
      cohortId: cohort.id,
      personId: id,
      status: 'enrolled',
      source: 'roster',
      createdBy: null,
    });
    await enrolmentRepo.setEnrolmentStatus(db, e.id, ['enrolled'], 'completed');
  }
  return { id, record };
}

export async function seedDemoDuplicates(ctx: AppContext): Promise<{ pairs: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.personByEmail(trx, LAN_ROSTER_EMAIL)) return { pairs: 0 };
    let pairs = 0;
    for (const [x, y] of records) {
      const a = await demoPerson(trx, x);
      const b = await demoPerson(trx, y);
      if (!a || !b) continue;
      const m = compare(a.record, b.record);
      if (m.decision !== 'likely') continue;
      await repo.queuePair(trx, a.id, b.id, m.score, m.reasons);
      pairs += 1;
    }
    return { pairs };
  });
}
