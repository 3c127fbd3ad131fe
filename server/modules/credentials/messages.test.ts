import { describe, expect, it } from 'vitest';
import { revocationReasons, verificationChecks } from '../../../common/contracts/credentials';
import en from '../../../common/i18n/messages/en.json' with { type: 'json' };
import ja from '../../../common/i18n/messages/ja.json' with { type: 'json' };
import vi from '../../../common/i18n/messages/vi.json' with { type: 'json' };

/** Every leaf key under `node`, as dotted paths. */
const keys = (node: unknown, prefix = ''): string[] =>
  typeof node === 'object' && node !== null
    ? Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

describe('certificate texts', () => {
  it('exist in Vietnamese, English and Japanese alike, for every check and revocation reason', () => {
    const viKeys = keys(vi.credentials).sort();
    expect(keys(en.credentials).sort()).toEqual(viKeys);
    expect(keys(ja.credentials).sort()).toEqual(viKeys);
    for (const reason of revocationReasons) expect(viKeys).toContain(`revocationReasons.${reason}`);
    for (const check of verificationChecks)
      expect(viKeys.some((k) => k.startsWith(`checks.${check}.`))).toBe(true);
    for (const m of [vi, en, ja]) {
      expect(m.errors.CREDENTIAL_NOT_EARNED).toBeTruthy();
      expect(m.errors.CREDENTIAL_ALREADY_REVOKED).toBeTruthy();
      expect(m.validation.credentialInputRequired).toBeTruthy();
    }
  });
});
