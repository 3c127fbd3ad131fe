/**
 * Demo manual results for New Opportunities: the Đồng Nai partner's offline 2022 workshop, reported
 * by NIC on its behalf and approved (the dashboard shows it beside the event participants), and a
 * Hòa Lạc careers day reported by that partner's administrator, waiting for NIC's decision.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

const at = (iso: string) => new Date(`${iso}T10:00:00+07:00`);

export async function seedDemoManualResults(
  db: Kysely<DB>,
  programId: string,
  partners: { dongNai: string; hoaLac: string },
) {
  const indicator = await db
    .selectFrom('indicators')
    .select('id')
    .where('code', '=', 'EVENT_PARTICIPANTS')
    .executeTakeFirst();
  const users = new Map(
    (
      await db
        .selectFrom('users')
        .select(['id', 'email'])
        .where('email', 'in', [
          'manager@demo.nhanluc.vn',
          'admin@demo.nhanluc.vn',
          'partner.hoalac@demo.nhanluc.vn',
        ])
        .execute()
    ).map((u) => [u.email, u.id]),
  );
  if (!indicator) return;
  await db
    .insertInto('manual_results')
    .values([
      {
        program_id: programId,
        indicator_id: indicator.id,
        organisation_id: partners.dongNai,
        year: 2022,
        quarter: 3,
        value: 35,
        note: 'Hội thảo ngoại tuyến “Kỹ năng số cho công nhân” tại KCN Biên Hòa 2 ngày 17/9/2022: 35 người tham dự theo danh sách ký tên trên giấy (không điểm danh trên nền tảng).',
        status: 'approved',
        submitted_by: users.get('manager@demo.nhanluc.vn') ?? null,
        submitted_at: at('2022-09-20'),
        decided_by: users.get('admin@demo.nhanluc.vn') ?? null,
        decided_at: at('2022-09-26'),
        decision_note: 'Đã đối chiếu với danh sách ký tên do trung tâm gửi.',
      },
      {
        program_id: programId,
        indicator_id: indicator.id,
        organisation_id: partners.hoaLac,
        year: 2023,
        quarter: 2,
        value: 48,
        note: 'Ngày hội hướng nghiệp tại trường ngày 12/5/2023, tổ chức trực tiếp: 48 học sinh ký tên tham dự; danh sách lưu tại phòng đào tạo.',
        status: 'submitted',
        submitted_by: users.get('partner.hoalac@demo.nhanluc.vn') ?? null,
        submitted_at: at('2023-05-15'),
      },
    ])
    .execute();
}
