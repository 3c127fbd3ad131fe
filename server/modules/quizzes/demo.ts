/**
 * Demo question banks and quizzes for the demo courses of the catalog: a bank imported from GIFT (the
 * way a partner would bring theirs), a quiz over it, and a published quiz lesson at the end of the
 * course. Idempotent: a course that already has the demo quiz is left alone; no demo course, nothing done.
 */
import type { AppContext } from '../../lib/context';
import { parseGift } from './gift';
import { checkQuestion, type StoredQuestion } from './model';
import * as repo from './repo';

interface DemoBank {
  /** The catalog's demo course (catalog/demo.ts) this bank belongs to. */
  slug: string;
  quizTitle: string;
  lessonTitle: string;
  category: string;
  gift: string;
}

const banks: DemoBank[] = [
  {
    slug: 'ky-thuat-vien-ban-dan-co-ban',
    quizTitle: 'Kiểm tra cuối khoá: phòng sạch và kiểm tra wafer',
    lessonTitle: 'Bài kiểm tra: phòng sạch và kiểm tra wafer',
    category: 'Phòng sạch và kiểm tra wafer',
    gift: `// Ngân hàng câu hỏi mẫu — Kỹ thuật viên bán dẫn
::Cấp sạch ISO 5::Theo ISO 14644-1, phòng sạch cấp ISO 5 cho phép tối đa bao nhiêu hạt bụi cỡ từ 0,5 µm trở lên trong mỗi mét khối không khí? {
  =3.520#Đúng: ISO 5 tương đương Class 100 cũ (100 hạt/ft³).
  ~35.200#Đây là giới hạn của ISO 6.
  ~352.000#Đây là giới hạn của ISO 7.
  ~100#100 là số hạt trên mỗi foot khối của Class 100, không phải trên mét khối.
}

::Thứ tự mặc trang phục::Khi vào phòng sạch, trang phục được mặc từ trên xuống: mũ trùm đầu trước, rồi áo liền quần, sau cùng là ủng.{T#Sai: mặc từ trên xuống để bụi từ tóc và áo không rơi vào phần đã mặc.#Đúng: từ trên xuống, để bụi không rơi vào phần đã mặc.}

::Vật dụng bị cấm::Những vật dụng nào KHÔNG được mang vào phòng sạch? {
  ~%33.333%Bút chì và tẩy#Bút chì và tẩy sinh bụi than chì và cao su.
  ~%33.333%Giấy thường#Giấy thường rụng sợi xơ; chỉ dùng giấy phòng sạch.
  ~%33.334%Mỹ phẩm dạng bột#Phấn trang điểm là nguồn hạt rất mịn.
  ~%-100%Sổ tay bằng giấy chuyên dụng cho phòng sạch#Giấy phòng sạch được phép mang vào.
}

::Hộp chứa wafer::Hộp kín dùng để chuyển wafer 300 mm giữa các máy trong nhà máy gọi là gì? {
  =FOUP#Front Opening Unified Pod: hộp mở phía trước, giữ wafer trong môi trường sạch.
  ~Reticle#Reticle là mặt nạ quang khắc.
  ~Probe card#Probe card dùng để đo kiểm điện trên wafer.
  ~Lead frame#Lead frame là khung chân của vi mạch sau đóng gói.
}

::Máy đếm hạt::Thiết bị đo và đếm số hạt bụi trong không khí phòng sạch gọi là gì? {=máy đếm hạt =máy đếm hạt bụi =particle counter}

::Đường kính wafer::Đường kính danh định của loại wafer silicon phổ biến nhất trong các nhà máy hiện đại là bao nhiêu milimét? {#300}

::Vết xước trên wafer::Khi soi wafer dưới kính hiển vi và thấy một vết xước dài trên bề mặt, kỹ thuật viên nên làm gì trước tiên? {
  =Ghi nhận khuyết tật vào hệ thống và báo cho trưởng ca#Đúng: lô wafer cần được đánh giá và truy vết nguyên nhân.
  ~Lau vết xước bằng khăn giấy#Khăn giấy làm nhiễm bẩn và có thể làm xước thêm.
  ~Bỏ qua nếu vết xước ngắn hơn 1 mm#Mọi khuyết tật đều phải được ghi nhận.
  ~Tự đánh bóng lại bề mặt wafer#Việc này phải do quy trình CMP đảm nhiệm, không làm thủ công.
}

::Găng tay::Chạm tay trần vào bề mặt wafer có thể để lại dầu và ion natri làm hỏng vi mạch.{TRUE#Sai: dầu và ion natri trên da là chất nhiễm bẩn nguy hiểm.#Đúng: luôn dùng găng tay và dụng cụ gắp chân không.}
`,
  },
  {
    slug: 'tieng-nhat-n4',
    quizTitle: 'Kiểm tra từ vựng và ngữ pháp N4',
    lessonTitle: 'Bài kiểm tra: từ vựng và ngữ pháp N4',
    category: 'JLPT N4',
    gift: `// Câu hỏi mẫu theo dạng đề JLPT N4
::Cách đọc::Chọn cách đọc đúng của 「会社」. {
  =かいしゃ
  ~がいしゃ#「会」 ở đầu từ đọc là 「かい」, không có âm đục.
  ~かいしや#「しゃ」 là âm ghép, viết 「や」 nhỏ.
  ~あいしゃ
}

::Trợ từ::Điền trợ từ thích hợp: 「わたしは まいあさ ７じ＿＿ おきます。」 {
  =に#Đúng: 「に」 chỉ thời điểm cụ thể.
  ~で#「で」 chỉ nơi chốn hoặc phương tiện.
  ~を
  ~が
}

::Nhờ vả lịch sự::Chọn từ đúng: 「すみません、えきへ 行きたいんですが、みちを＿＿くださいませんか。」 {
  =教えて#Đúng: thể て + くださいませんか là cách nhờ lịch sự.
  ~教え
  ~教えた
  ~教える
}

::Nghĩa của từ::「忘れる」 nghĩa là gì? {=quên ~nhớ ~học thuộc ~mang theo}

::Viết hiragana::Viết cách đọc của 「友達」 bằng hiragana. {=ともだち#Đúng: ともだち — bạn bè.}

::Câu điều kiện::「あした 雨が ふったら、出かけません。」 nghĩa là: "Nếu ngày mai trời mưa thì tôi sẽ không ra ngoài."{T}

::Số đếm::「さんびゃくごじゅう」 là số bao nhiêu? {#350}
`,
  },
];

function questionsOf(bank: DemoBank): StoredQuestion[] {
  return parseGift(bank.gift, { category: bank.category }).map((item) => {
    const checked = item.input ? checkQuestion(item.input) : null;
    // The demo banks are ours: a mistake in them is a bug to see at once, not data to skip.
    if (!checked?.ok) throw new Error(`demo GIFT question ${item.index} of "${bank.quizTitle}" is invalid`);
    return checked.question;
  });
}

export async function seedDemoQuizzes(ctx: AppContext) {
  for (const bank of banks) {
    const course = await repo.findCourseBySlug(ctx.db, bank.slug);
    if (!course) continue;
    if (await repo.findQuizByTitle(ctx.db, course.id, bank.quizTitle)) continue;
    const questions = questionsOf(bank);
    await ctx.db.transaction().execute(async (trx) => {
      const rows = await repo.insertQuestions(trx, course.id, questions);
      const quiz = await repo.insertQuiz(trx, course.id, {
        title: bank.quizTitle,
        category: null,
        draw_count: null,
        attempts_limit: 3,
        time_limit_seconds: 15 * 60,
        pass_mark_pct: 70,
        shuffle: true,
      });
      await repo.setQuizQuestions(
        trx,
        quiz.id,
        rows.map((r) => r.id),
      );
      const module = await repo.lastModuleOfCourse(trx, course.id);
      if (module)
        await repo.insertQuizLesson(trx, {
          courseId: course.id,
          moduleId: module.id,
          quizId: quiz.id,
          title: bank.lessonTitle,
          minutes: 15,
        });
    });
    ctx.log.info(`demo quiz "${bank.quizTitle}" added to ${course.slug}`);
  }
}
