/** Slug suggestion for a new organisation, from the platform's one Vietnamese folding (common/text). */
import { foldVi } from '../../../common/text';

/** "Đại học FPT" → "dai-hoc-fpt": folded, then only a–z, 0–9 and single hyphens. */
export function slugify(name: string): string {
  return foldVi(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}
