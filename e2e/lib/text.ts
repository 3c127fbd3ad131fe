/** The words the tests expect on screen come from the app's own translations, not from copies. */
import ja from '../../web/i18n/ja.json' with { type: 'json' };
import vi from '../../web/i18n/vi.json' with { type: 'json' };

export { ja, vi };

/** Hiragana, katakana or CJK ideographs: text a Vietnamese or English page would not show. */
export const JAPANESE_SCRIPT = /[\u3040-\u30ff\u4e00-\u9fff]/;
