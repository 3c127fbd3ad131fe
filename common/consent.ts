/**
 * Consent per purpose (Law 91/2025/QH15 on personal data protection): the purposes a person can agree
 * to, and the exact words they agree to, in Vietnamese, English and Japanese.
 *
 * This file is the single source of those words: the web page shows them, the server stores the
 * version a person agreed to and puts the same words in their data export. Changing a text means
 * giving it a new `version` (the date of the change), so every recorded consent still points at the
 * words the person actually read; people who agreed to an older version are asked again.
 */
import type { Locale } from './i18n/locales';

export const consentPurposes = [
  'training_records',
  'impact_reporting',
  'job_matching',
  'share_employers_vn',
  'share_employers_jp',
] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export const isConsentPurpose = (v: unknown): v is ConsentPurpose =>
  typeof v === 'string' && (consentPurposes as readonly string[]).includes(v);

export interface ConsentText {
  title: string;
  /** Two or three sentences: what is processed, by whom, for what, how to withdraw. */
  body: string;
}

export interface ConsentWording {
  /** The date the words were last changed (YYYY-MM-DD); a new text gets a new version. */
  version: string;
  /** A transfer of personal data out of Viet Nam (Law 91/2025/QH15): the page says so plainly. */
  crossBorder: boolean;
  text: Record<Locale, ConsentText>;
}

export const consentWording: Record<ConsentPurpose, ConsentWording> = {
  training_records: {
    version: '2026-11-24',
    crossBorder: false,
    text: {
      vi: {
        title: 'Lưu hồ sơ học tập',
        body:
          'Trung tâm Đổi mới sáng tạo Quốc gia (NIC) và đơn vị đào tạo nơi bạn học xử lý họ tên, thông tin liên hệ, ' +
          'điểm danh, tiến độ, điểm bài kiểm tra và chứng chỉ của bạn để tổ chức lớp học và cấp chứng chỉ. ' +
          'Bạn có thể rút lại đồng ý bất cứ lúc nào trên trang này; việc rút lại không ảnh hưởng đến những gì đã được xử lý trước đó.',
      },
      en: {
        title: 'Keeping my learning record',
        body:
          "Viet Nam's National Innovation Center (NIC) and the training partner you study with process your name, " +
          'contact details, attendance, progress, quiz scores and certificates to run your classes and issue certificates. ' +
          'You can withdraw this consent at any time on this page; withdrawing does not undo processing that happened before.',
      },
      ja: {
        title: '学習記録の保存',
        body:
          'ベトナム国家イノベーションセンター（NIC）と受講先の研修機関は、授業の運営と修了証の発行のために、' +
          'あなたの氏名、連絡先、出欠、進捗、テストの点数、修了証を取り扱います。' +
          'この同意はこのページでいつでも撤回できます。撤回しても、それ以前に行われた取り扱いは取り消されません。',
      },
    },
  },
  impact_reporting: {
    version: '2026-11-24',
    crossBorder: false,
    text: {
      vi: {
        title: 'Thống kê tác động của chương trình',
        body:
          'NIC dùng giới tính, năm sinh, tỉnh/thành và kết quả học tập của bạn để lập số liệu tổng hợp báo cáo cho ' +
          'chương trình và nhà tài trợ. Báo cáo chỉ có con số tổng hợp, không có tên hay thông tin liên hệ của bạn. ' +
          'Bạn có thể rút lại đồng ý bất cứ lúc nào trên trang này.',
      },
      en: {
        title: 'Measuring the programmes’ impact',
        body:
          'NIC uses your sex, year of birth, province and learning results to produce aggregate figures for ' +
          'programmes and their donors. Reports contain only totals, never your name or contact details. ' +
          'You can withdraw this consent at any time on this page.',
      },
      ja: {
        title: 'プログラムの成果の集計',
        body:
          'NICは、プログラムと資金提供者への報告用の集計値を作るために、あなたの性別、生まれ年、省・市、学習結果を利用します。' +
          '報告書には合計値のみが載り、氏名や連絡先は含まれません。この同意はこのページでいつでも撤回できます。',
      },
    },
  },
  job_matching: {
    version: '2026-11-24',
    crossBorder: false,
    text: {
      vi: {
        title: 'Gợi ý việc làm và khoá học',
        body:
          'NIC dùng kỹ năng, chứng chỉ, trình độ ngoại ngữ và tỉnh/thành của bạn để gợi ý việc làm và khoá học phù hợp cho bạn. ' +
          'Hồ sơ của bạn không được gửi cho nhà tuyển dụng nào nếu bạn chưa đồng ý riêng mục chia sẻ với nhà tuyển dụng. ' +
          'Bạn có thể tắt mục này bất cứ lúc nào trên trang này.',
      },
      en: {
        title: 'Job and course suggestions',
        body:
          'NIC uses your skills, certificates, language level and province to suggest jobs and courses that fit you. ' +
          'Your profile is not sent to any employer unless you also agree to sharing with employers. ' +
          'You can switch this off at any time on this page.',
      },
      ja: {
        title: '求人と講座のおすすめ',
        body:
          'NICは、あなたに合う求人や講座をおすすめするために、スキル、修了証、語学レベル、省・市を利用します。' +
          '雇用主との共有に別途同意しない限り、プロフィールが雇用主に送られることはありません。' +
          'このページでいつでもオフにできます。',
      },
    },
  },
  share_employers_vn: {
    version: '2026-11-24',
    crossBorder: false,
    text: {
      vi: {
        title: 'Chia sẻ hồ sơ với nhà tuyển dụng tại Việt Nam',
        body:
          'Khi hồ sơ của bạn phù hợp một tin tuyển dụng, NIC cho nhà tuyển dụng đã được xác minh tại Việt Nam xem họ tên, ' +
          'thông tin liên hệ, kỹ năng và chứng chỉ của bạn để họ liên hệ tuyển dụng. ' +
          'Bạn có thể rút lại đồng ý bất cứ lúc nào trên trang này; từ đó hồ sơ của bạn không được hiển thị cho nhà tuyển dụng nữa.',
      },
      en: {
        title: 'Sharing my profile with employers in Viet Nam',
        body:
          'When your profile fits a job, NIC shows verified employers in Viet Nam your name, contact details, skills ' +
          'and certificates so they can contact you about the job. ' +
          'You can withdraw this consent at any time on this page; from then on employers no longer see your profile.',
      },
      ja: {
        title: 'ベトナム国内の雇用主とのプロフィール共有',
        body:
          'あなたのプロフィールが求人に合う場合、NICは確認済みのベトナム国内の雇用主に、採用の連絡のため氏名、連絡先、スキル、修了証を表示します。' +
          'この同意はこのページでいつでも撤回でき、撤回後は雇用主にプロフィールが表示されなくなります。',
      },
    },
  },
  share_employers_jp: {
    version: '2026-11-24',
    crossBorder: true,
    text: {
      vi: {
        title: 'Chuyển hồ sơ cho nhà tuyển dụng tại Nhật Bản',
        body:
          'Đây là chuyển dữ liệu cá nhân ra nước ngoài: khi bạn ứng tuyển theo lộ trình làm việc tại Nhật Bản, NIC gửi họ tên, ' +
          'năm sinh, thông tin liên hệ, kỹ năng, trình độ tiếng Nhật và chứng chỉ của bạn cho nhà tuyển dụng đã được xác minh tại Nhật Bản để họ xét tuyển. ' +
          'Bạn có thể rút lại đồng ý bất cứ lúc nào trên trang này; các lần chuyển sau đó sẽ dừng, còn dữ liệu đã gửi thì bạn có thể yêu cầu nhà tuyển dụng xoá.',
      },
      en: {
        title: 'Sending my profile to employers in Japan',
        body:
          'This is a cross-border transfer of personal data: when you apply through the Japan pathway, NIC sends your name, ' +
          'year of birth, contact details, skills, Japanese level and certificates to verified employers in Japan so they can consider you. ' +
          'You can withdraw this consent at any time on this page; further transfers then stop, and you can ask employers to delete what they already received.',
      },
      ja: {
        title: '日本の雇用主へのプロフィール提供',
        body:
          'これは個人データの国外移転です。日本での就労ルートに応募すると、NICは選考のために、あなたの氏名、生まれ年、連絡先、' +
          'スキル、日本語レベル、修了証を日本の確認済み雇用主に送ります。' +
          'この同意はこのページでいつでも撤回できます。撤回後の提供は止まり、すでに送られたデータは雇用主に削除を求めることができます。',
      },
    },
  },
};

/** The version of the words in force for a purpose. */
export const currentWordingVersion = (purpose: ConsentPurpose) => consentWording[purpose].version;
