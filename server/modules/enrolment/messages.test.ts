/** Every text of enrolment and notifications exists in Vietnamese, English and Japanese alike. */
import { describe, expect, it } from 'vitest';
import { enrolmentStatuses } from '../../../common/contracts/enrolment';
import { notificationKinds } from '../../../common/contracts/notifications';
import { errorStatus } from '../../../common/errors';
import en from '../../../common/i18n/messages/en.json' with { type: 'json' };
import ja from '../../../common/i18n/messages/ja.json' with { type: 'json' };
import vi from '../../../common/i18n/messages/vi.json' with { type: 'json' };

const keys = (node: unknown, prefix = ''): string[] =>
  typeof node === 'object' && node !== null
    ? Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

const codes = [
  'COHORT_CODE_TAKEN',
  'COHORT_HAS_ENROLMENTS',
  'SESSION_HAS_ATTENDANCE',
  'COURSE_NOT_OPEN',
  'COHORT_NOT_OPEN',
  'COHORT_FULL',
  'ALREADY_ENROLLED',
  'PREREQUISITES_MISSING',
  'ENROLMENT_NOT_ACTIVE',
  'TRANSFER_NOT_ALLOWED',
  'LESSON_IS_QUIZ',
] as const;
const fieldKeys = [
  'endsBeforeStart',
  'notTrainerOfOrganisation',
  'notInCohort',
  'duplicate',
  'oneOfEmailOrPerson',
  'noAccountWithEmail',
  'unknownPerson',
  'personMerged',
  'personErased',
  'unknownCohort',
] as const;

describe('enrolment and notification texts', () => {
  it('have the same keys in the three languages', () => {
    for (const ns of ['enrolment', 'notifications'] as const) {
      const viKeys = keys(vi[ns]).sort();
      expect(keys(en[ns]).sort(), ns).toEqual(viKeys);
      expect(keys(ja[ns]).sort(), ns).toEqual(viKeys);
    }
  });

  it('cover every notification kind, enrolment status, error code and field problem', () => {
    for (const m of [vi, en, ja]) {
      const n = m.notifications as Record<string, { title?: string; body?: string }>;
      for (const kind of notificationKinds) {
        expect(n[kind]?.title, kind).toBeTruthy();
        expect(n[kind]?.body, kind).toBeTruthy();
      }
      for (const s of enrolmentStatuses) expect(m.enrolment.status[s]).toBeTruthy();
      const errors = m.errors as unknown as Record<string, unknown>;
      const validation = m.validation as unknown as Record<string, unknown>;
      for (const c of codes) {
        expect(errors[c], c).toBeTruthy();
        expect(errorStatus[c]).toBeGreaterThanOrEqual(400);
      }
      for (const f of fieldKeys) expect(validation[f], f).toBeTruthy();
    }
  });

  it('write Vietnamese with its diacritics', () => {
    expect(vi.errors.COHORT_FULL).toBe('Lớp «{{code}}» đã đủ chỗ.');
    expect(vi.notifications.waitlisted.title).toBe('Bạn đang trong danh sách chờ của lớp {{cohortCode}}');
  });
});
