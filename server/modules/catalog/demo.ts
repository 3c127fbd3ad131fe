/**
 * Demo courses: twelve published courses from the sources (semiconductors, work in Japan, data and AI,
 * cloud, IoT in the Mekong delta, digital skills for factory workers, cybersecurity, training of
 * trainers), owned by the demo training partners and linked to the programs, with English and
 * Japanese titles and short real lessons in Vietnamese. Idempotent: a slug that exists is skipped,
 * and so is a course whose owner is missing. Other modules add cohorts and quizzes to these courses.
 */
import type { AppContext } from '../../lib/context';
import { findOrganisationBySlug } from '../organisations/repo';
import { type CourseSpec, createCourseFromSpec } from './factory';
import * as repo from './repo';

type DemoCourse = Omit<CourseSpec, 'organisationId'> & { owner: string };

const p = (...paragraphs: string[]) => paragraphs.map((x) => `<p>${x}</p>`).join('');
const ul = (...items: string[]) => `<ul>${items.map((x) => `<li>${x}</li>`).join('')}</ul>`;

const DA_NANG = 'demo-trung-tam-ban-dan-da-nang';
const HOA_LAC = 'demo-cao-dang-cong-nghe-hoa-lac';
const MEKONG = 'demo-hoc-vien-ky-nang-so-mekong';
const SAI_GON = 'demo-vien-du-lieu-ai-sai-gon';

export const demoCourses: DemoCourse[] = [
  {
    owner: DA_NANG,
    slug: 'ky-thuat-vien-ban-dan-co-ban',
    title: 'Kỹ thuật viên bán dẫn cơ bản',
    summary:
      'Con đường từ tấm wafer đến con chip, phòng sạch và an toàn trong nhà máy: nền tảng cho người muốn làm kỹ thuật viên vận hành và kiểm tra trong ngành bán dẫn.',
    translations: {
      en: {
        title: 'Semiconductor technician basics',
        summary:
          'From wafer to chip, clean rooms and factory safety: the groundwork for operator and inspection technicians.',
      },
      ja: {
        title: '半導体技術者の基礎',
        summary:
          'ウェーハからチップまでの工程、クリーンルーム、工場の安全。オペレーター・検査技術者の基礎講座。',
      },
    },
    topic: 'semiconductor',
    level: 'beginner',
    durationHours: 60,
    deliveryMode: 'blended',
    provinceCode: '48',
    minAttendancePct: 80,
    skills: ['Quy trình chế tạo bán dẫn', 'Phòng sạch', 'An toàn hoá chất'],
    programCodes: ['semiconductor-2030'],
    modules: [
      {
        title: 'Ngành bán dẫn và nghề kỹ thuật viên',
        lessons: [
          {
            title: 'Vì sao Việt Nam cần 50.000 nhân lực bán dẫn',
            estimatedMinutes: 10,
            bodyHtml:
              p(
                'Chương trình quốc gia đặt mục tiêu đào tạo ít nhất <strong>50.000</strong> kỹ sư và kỹ thuật viên bán dẫn đến năm 2030. Các doanh nghiệp như Renesas đã có trung tâm thiết kế lớn tại Việt Nam với khoảng 1.500 kỹ sư, còn các nhà máy đóng gói và kiểm thử cần rất nhiều kỹ thuật viên vận hành.',
                'Kỹ thuật viên không cần bằng đại học: cần hiểu quy trình, làm đúng quy định phòng sạch, đọc được thông số máy và ghi chép chính xác.',
              ) +
              ul('Vận hành máy trong dây chuyền', 'Kiểm tra ngoại quan và đo đạc', 'Bảo trì thiết bị cơ bản'),
          },
          {
            title: 'Từ wafer đến con chip: bốn công đoạn chính',
            estimatedMinutes: 15,
            bodyHtml:
              p('Một con chip đi qua bốn công đoạn lớn, mỗi công đoạn cần kỹ thuật viên riêng:') +
              '<ol><li><strong>Thiết kế</strong> mạch trên máy tính.</li><li><strong>Chế tạo</strong> trên wafer silicon trong phòng sạch: quang khắc, khắc, lắng đọng, cấy ion.</li><li><strong>Đóng gói</strong>: cắt wafer thành die, gắn lên khung, hàn dây, bọc nhựa.</li><li><strong>Kiểm thử</strong>: đo điện từng chip, loại bỏ chip lỗi.</li></ol>' +
              p(
                'Việt Nam hiện mạnh nhất ở thiết kế, đóng gói và kiểm thử — nơi nhiều việc làm kỹ thuật viên nhất.',
              ),
          },
        ],
      },
      {
        title: 'Làm việc trong phòng sạch',
        lessons: [
          {
            title: 'Quy tắc phòng sạch',
            estimatedMinutes: 12,
            bodyHtml:
              p(
                'Một hạt bụi nhỏ hơn sợi tóc trăm lần cũng làm hỏng con chip. Vì vậy phòng sạch được phân cấp theo số hạt bụi trong mỗi mét khối không khí (ví dụ ISO 5).',
              ) +
              ul(
                'Mặc đồ phòng sạch theo đúng thứ tự: mũ, khẩu trang, áo liền quần, ủng, găng tay.',
                'Không mang giấy thường, bút chì, mỹ phẩm vào phòng sạch.',
                'Đi chậm, không chạm tay vào mặt, không để wafer ngoài hộp đựng.',
                'Báo ngay cho trưởng ca khi thấy cảnh báo áp suất hay độ ẩm bất thường.',
              ),
          },
          {
            title: 'An toàn hoá chất và khí',
            estimatedMinutes: 12,
            bodyHtml:
              p(
                'Nhà máy dùng axit, dung môi và khí độc. Trước khi làm việc với hoá chất, đọc <strong>phiếu an toàn hoá chất (SDS)</strong> và đeo đúng đồ bảo hộ.',
              ) +
              ul(
                'Biết vị trí vòi rửa mắt và vòi tắm khẩn cấp gần nhất.',
                'Không bao giờ tự pha trộn hoá chất khi chưa được hướng dẫn.',
                'Khi nghe chuông báo khí, rời khu vực theo lối thoát hiểm và tập trung tại điểm hẹn.',
              ),
          },
        ],
      },
    ],
  },
  {
    owner: DA_NANG,
    slug: 'kiem-tra-wafer',
    title: 'Kiểm tra wafer và ngoại quan chip',
    summary:
      'Nhận biết các lỗi thường gặp trên wafer và chip, dùng kính hiển vi và máy kiểm tra quang học, ghi nhận kết quả đúng chuẩn để dây chuyền sửa lỗi kịp thời.',
    translations: {
      en: {
        title: 'Wafer and chip visual inspection',
        summary:
          'Common wafer and chip defects, microscopes and optical inspection, and recording results properly.',
      },
      ja: {
        title: 'ウェーハ・チップ外観検査',
        summary: 'ウェーハとチップの代表的な欠陥、顕微鏡と光学検査装置、結果の正しい記録。',
      },
    },
    topic: 'semiconductor',
    level: 'intermediate',
    durationHours: 40,
    deliveryMode: 'in_person',
    provinceCode: '48',
    minAttendancePct: 90,
    skills: ['Kiểm tra wafer', 'Kính hiển vi', 'Kiểm tra quang học'],
    programCodes: ['semiconductor-2030'],
    modules: [
      {
        title: 'Lỗi trên wafer',
        lessons: [
          {
            title: 'Các loại lỗi thường gặp',
            estimatedMinutes: 15,
            bodyHtml:
              p('Kỹ thuật viên kiểm tra phải phân biệt được các lỗi sau và biết lỗi nào làm hỏng cả lô:') +
              '<table><thead><tr><th>Lỗi</th><th>Dấu hiệu</th><th>Nguyên nhân thường gặp</th></tr></thead><tbody><tr><td>Hạt bụi</td><td>Chấm nhỏ, sáng</td><td>Phòng sạch, thao tác</td></tr><tr><td>Vết xước</td><td>Đường thẳng dài</td><td>Kẹp wafer, robot</td></tr><tr><td>Nứt mép</td><td>Mép wafer sứt</td><td>Va chạm khi vận chuyển</td></tr><tr><td>Lệch mẫu</td><td>Họa tiết không thẳng hàng</td><td>Quang khắc</td></tr></tbody></table>',
          },
          {
            title: 'Bản đồ wafer',
            estimatedMinutes: 10,
            bodyHtml: p(
              'Máy kiểm tra vẽ <strong>bản đồ wafer</strong>: mỗi ô là một die, màu cho biết đạt hay lỗi. Lỗi tập trung ở một vùng (mép, tâm, một vệt) thường do máy; lỗi rải rác thường do bụi. Khi thấy hình mẫu lặp lại trên nhiều wafer, báo kỹ sư quy trình ngay.',
            ),
          },
        ],
      },
      {
        title: 'Dụng cụ và ghi nhận',
        lessons: [
          {
            title: 'Dùng kính hiển vi đúng cách',
            estimatedMinutes: 10,
            bodyHtml: ul(
              'Bắt đầu ở độ phóng đại thấp, tìm vùng nghi ngờ rồi mới tăng độ phóng đại.',
              'Chỉnh sáng trường sáng cho vết xước, trường tối cho hạt bụi.',
              'Không đặt wafer trực tiếp lên bàn; luôn dùng giá đỡ sạch.',
            ),
          },
          {
            title: 'Ghi nhận kết quả kiểm tra',
            estimatedMinutes: 8,
            bodyHtml: p(
              'Mỗi kết quả ghi rõ mã lô, mã wafer, vị trí die, loại lỗi, ảnh chụp và người kiểm tra. Ghi sai mã lô làm cả dây chuyền tìm sai nguyên nhân; ghi thiếu ảnh khiến kỹ sư không xác nhận được lỗi.',
            ),
          },
        ],
      },
    ],
  },
  {
    owner: HOA_LAC,
    slug: 'lap-rap-bo-mach-in-ssw',
    title: 'Lắp ráp bo mạch in (PCB) cho kỹ năng đặc định ngành Sản xuất sản phẩm công nghiệp',
    summary:
      'Hàn linh kiện, lắp ráp và kiểm tra bo mạch in theo chuẩn nhà máy Nhật Bản; ôn đúng nội dung kỳ thi kỹ năng ngành Sản xuất sản phẩm công nghiệp của visa kỹ năng đặc định (SSW).',
    translations: {
      en: {
        title: 'PCB assembly for the SSW Industrial Product Manufacturing field',
        summary:
          'Soldering, assembly and inspection of printed circuit boards to Japanese factory standards; prepares for the SSW field skills test.',
      },
      ja: {
        title: '特定技能「工業製品製造業」向けプリント基板組立',
        summary: '日本の工場基準によるはんだ付け・組立・検査。特定技能の技能試験対策。',
      },
    },
    topic: 'semiconductor',
    level: 'intermediate',
    durationHours: 80,
    deliveryMode: 'blended',
    provinceCode: '01',
    minAttendancePct: 80,
    skills: ['Hàn linh kiện', 'Lắp ráp PCB', 'Đọc bản vẽ điện tử'],
    programCodes: ['work-in-japan', 'semiconductor-2030'],
    modules: [
      {
        title: 'Kỹ năng đặc định và kỳ thi',
        lessons: [
          {
            title: 'Visa kỹ năng đặc định (SSW) cần những gì',
            estimatedMinutes: 10,
            bodyHtml:
              p('Để làm việc tại Nhật theo diện kỹ năng đặc định, người lao động cần đỗ hai kỳ thi:') +
              ul(
                '<strong>Kỳ thi kỹ năng ngành</strong> — ngành gần nhất với điện tử và bán dẫn là <em>Sản xuất sản phẩm công nghiệp</em> (lắp ráp điện, điện tử, bo mạch in, gia công, kiểm tra).',
                '<strong>Tiếng Nhật</strong> JLPT N4 trở lên hoặc JFT-Basic A2.',
              ) +
              p(
                'Chương trình thực tập sinh kỹ năng đang được thay bằng chế độ Việc làm để phát triển kỹ năng (dự kiến từ 2027).',
              ),
          },
        ],
      },
      {
        title: 'Hàn và lắp ráp',
        lessons: [
          {
            title: 'Mối hàn đạt và không đạt',
            estimatedMinutes: 15,
            bodyHtml:
              p('Mối hàn đạt có dạng hình nón, bóng, ôm đều chân linh kiện và pad. Các lỗi cần loại bỏ:') +
              ul(
                'Hàn thiếu: thiếc không phủ kín pad.',
                'Hàn lạnh: mối hàn xỉn, sần, dễ nứt.',
                'Cầu thiếc: thiếc nối hai chân cạnh nhau gây chập.',
                'Hàn thừa: khối thiếc tròn che mất chân linh kiện.',
              ),
          },
          {
            title: 'Chống tĩnh điện (ESD)',
            estimatedMinutes: 8,
            bodyHtml: p(
              'Tĩnh điện từ cơ thể có thể phá hỏng linh kiện mà mắt không thấy. Luôn đeo vòng tay chống tĩnh điện nối đất, làm việc trên thảm ESD và cầm bo mạch ở mép, không chạm vào chân linh kiện.',
            ),
          },
        ],
      },
      {
        title: 'Kiểm tra thành phẩm',
        lessons: [
          {
            title: 'Kiểm tra ngoại quan theo danh sách',
            estimatedMinutes: 10,
            bodyHtml: p(
              'Nhà máy Nhật kiểm tra theo danh sách (チェックシート): đúng linh kiện, đúng chiều, không thiếu, không thừa, mối hàn đạt, không dính bẩn. Đánh dấu từng mục; không bỏ qua mục nào dù đã làm quen tay.',
            ),
          },
        ],
      },
    ],
  },
  {
    owner: HOA_LAC,
    slug: 'tieng-nhat-n4',
    title: 'Tiếng Nhật N4 cho người lao động đi Nhật',
    summary:
      'Từ N5 lên N4: ngữ pháp, từ vựng và nghe hiểu cho công việc và đời sống tại Nhật, ôn thi JLPT N4 và JFT-Basic A2 theo yêu cầu của visa kỹ năng đặc định.',
    translations: {
      en: {
        title: 'Japanese N4 for workers going to Japan',
        summary:
          'From N5 to N4: grammar, vocabulary and listening for work and life in Japan; JLPT N4 and JFT-Basic A2 preparation.',
      },
      ja: {
        title: '日本で働く人のための日本語N4',
        summary: 'N5からN4へ。仕事と生活のための文法・語彙・聴解。JLPT N4・JFT-Basic A2対策。',
      },
    },
    topic: 'japanese_language',
    level: 'beginner',
    durationHours: 150,
    deliveryMode: 'online',
    skills: ['Tiếng Nhật', 'JLPT N4', 'JFT-Basic'],
    programCodes: ['work-in-japan'],
    modules: [
      {
        title: 'Ngữ pháp N4 cốt lõi',
        lessons: [
          {
            title: 'Thể て: nối câu và nhờ vả',
            estimatedMinutes: 20,
            bodyHtml:
              p('Thể て dùng để nối hành động và để nhờ người khác làm việc gì:') +
              ul(
                '<strong>手を洗って、食事をします。</strong> — Rửa tay rồi ăn.',
                '<strong>もう一度説明してください。</strong> — Xin hãy giải thích lại một lần nữa.',
                '<strong>ここに座ってもいいですか。</strong> — Tôi ngồi đây được không?',
              ) +
              p('Ở nơi làm việc, câu 「〜てください」 là câu bạn nghe nhiều nhất từ tổ trưởng.'),
          },
          {
            title: 'Thể khả năng: 〜ことができます và 〜られます',
            estimatedMinutes: 15,
            bodyHtml: p(
              'Nói về việc mình làm được: <strong>フォークリフトを運転することができます</strong> (Tôi lái được xe nâng). Cách ngắn hơn là thể khả năng: 話せます, 読めます, 来られます. Khi phỏng vấn, hãy nói rõ những việc bạn làm được bằng thể này.',
            ),
          },
        ],
      },
      {
        title: 'Tiếng Nhật nơi làm việc',
        lessons: [
          {
            title: 'Báo cáo, liên lạc, trao đổi',
            estimatedMinutes: 15,
            bodyHtml:
              p('Công ty Nhật rất coi trọng 報・連・相 (hō-ren-sō). Những câu cần thuộc:') +
              ul(
                '終わりました。— Tôi đã làm xong.',
                '遅れます。すみません。— Tôi sẽ đến muộn, xin lỗi.',
                'わかりません。もう一度お願いします。— Tôi không hiểu, xin nói lại.',
              ),
          },
        ],
      },
    ],
  },
  {
    owner: SAI_GON,
    slug: 'phan-tich-du-lieu-voi-python',
    title: 'Phân tích dữ liệu với Python',
    summary:
      'Làm quen Python, đọc dữ liệu từ Excel, làm sạch, tính toán và vẽ biểu đồ với pandas; dự án cuối khoá trên dữ liệu tuyển sinh và việc làm thật.',
    translations: {
      en: {
        title: 'Data analytics with Python',
        summary:
          'Python basics, reading Excel data, cleaning, computing and charting with pandas; a final project on real data.',
      },
      ja: {
        title: 'Pythonによるデータ分析',
        summary: 'Pythonの基礎、Excelデータの読み込み、pandasによるクリーニング・集計・グラフ化。',
      },
    },
    topic: 'ai_data',
    level: 'beginner',
    durationHours: 48,
    deliveryMode: 'online',
    skills: ['Python', 'pandas', 'Trực quan hoá dữ liệu', 'Excel'],
    programCodes: ['women-in-ai'],
    modules: [
      {
        title: 'Python trong một buổi',
        lessons: [
          {
            title: 'Video: Python cho người mới bắt đầu',
            kind: 'video',
            videoUrl: 'https://www.youtube.com/watch?v=rfscVS0vtbw',
            estimatedMinutes: 30,
          },
          {
            title: 'Biến, danh sách và vòng lặp',
            estimatedMinutes: 20,
            bodyHtml:
              p('Ba khái niệm đủ để bắt đầu phân tích dữ liệu:') +
              '<pre><code>tinh = ["Cần Thơ", "Đà Nẵng", "Hà Nội"]\nhoc_vien = [120, 85, 240]\nfor t, n in zip(tinh, hoc_vien):\n    print(t, n)</code></pre>' +
              p('Danh sách giữ nhiều giá trị; vòng lặp <code>for</code> đi qua từng giá trị.'),
          },
        ],
      },
      {
        title: 'pandas',
        lessons: [
          {
            title: 'Đọc và làm sạch dữ liệu từ Excel',
            estimatedMinutes: 25,
            bodyHtml:
              '<pre><code>import pandas as pd\ndf = pd.read_excel("hoc_vien.xlsx")\ndf = df.drop_duplicates(subset="so_dien_thoai")\ndf["tinh"] = df["tinh"].str.strip()</code></pre>' +
              p(
                'Dữ liệu thật luôn có dòng trùng, ô trống và chữ viết khác nhau ("Hoà" và "Hòa"). Làm sạch trước, tính sau.',
              ),
          },
          {
            title: 'Nhóm, đếm và vẽ biểu đồ',
            estimatedMinutes: 25,
            bodyHtml:
              '<pre><code>theo_tinh = df.groupby("tinh")["ma_hoc_vien"].count()\ntheo_tinh.sort_values().plot(kind="barh")</code></pre>' +
              p('Một biểu đồ cột ngang sắp xếp theo giá trị dễ đọc hơn bảng số hàng chục dòng.'),
          },
        ],
      },
    ],
  },
  {
    owner: SAI_GON,
    slug: 'ai-cho-nguoi-moi-bat-dau',
    title: 'Trí tuệ nhân tạo cho người mới bắt đầu — Phụ nữ trong AI',
    summary:
      'AI là gì, học máy hoạt động ra sao, dùng công cụ AI an toàn và có trách nhiệm trong công việc; khoá học dành cho phụ nữ muốn bước vào nghề AI và dữ liệu.',
    translations: {
      en: {
        title: 'AI for beginners — Women in AI',
        summary:
          'What AI is, how machine learning works, and using AI tools safely and responsibly at work; for women entering AI and data careers.',
      },
      ja: {
        title: '初心者のためのAI（AI分野の女性）',
        summary: 'AIとは何か、機械学習の仕組み、仕事でのAIツールの安全で責任ある使い方。',
      },
    },
    topic: 'ai_data',
    level: 'beginner',
    durationHours: 24,
    deliveryMode: 'blended',
    provinceCode: '79',
    minAttendancePct: 70,
    skills: ['Học máy', 'AI có trách nhiệm', 'Công cụ AI tạo sinh'],
    programCodes: ['women-in-ai'],
    modules: [
      {
        title: 'AI là gì',
        lessons: [
          {
            title: 'Video: Mạng nơ-ron là gì?',
            kind: 'video',
            videoUrl: 'https://www.youtube.com/watch?v=aircAruvnKk',
            estimatedMinutes: 20,
          },
          {
            title: 'Học máy bằng ví dụ',
            estimatedMinutes: 15,
            bodyHtml: p(
              'Thay vì viết quy tắc, ta cho máy xem nhiều ví dụ đã có đáp án (ảnh lá lúa khoẻ và lá bị bệnh) để máy tự tìm quy luật. Chất lượng dữ liệu quyết định chất lượng mô hình: dữ liệu lệch thì kết quả lệch.',
            ),
          },
        ],
      },
      {
        title: 'Dùng AI có trách nhiệm',
        lessons: [
          {
            title: 'Năm nguyên tắc khi dùng công cụ AI',
            estimatedMinutes: 10,
            bodyHtml: ul(
              'Không đưa dữ liệu cá nhân của người khác vào công cụ AI công cộng.',
              'Kiểm tra lại mọi con số và trích dẫn AI đưa ra.',
              'Ghi rõ khi sản phẩm có phần do AI tạo.',
              'Để ý thiên lệch về giới và vùng miền trong kết quả.',
              'Người ký tên chịu trách nhiệm, không phải AI.',
            ),
          },
        ],
      },
    ],
  },
  {
    owner: HOA_LAC,
    slug: 'dien-toan-dam-may-co-ban',
    title: 'Điện toán đám mây cơ bản',
    summary:
      'Máy chủ ảo, lưu trữ, mạng và chi phí trên đám mây; triển khai một trang web đầu tiên và hiểu trách nhiệm bảo mật chia sẻ giữa nhà cung cấp và khách hàng.',
    translations: {
      en: {
        title: 'Cloud fundamentals',
        summary:
          'Virtual servers, storage, networking and cost in the cloud; deploy a first website and understand the shared responsibility model.',
      },
      ja: {
        title: 'クラウドの基礎',
        summary: '仮想サーバー、ストレージ、ネットワーク、コスト。初めてのWebサイト公開と責任共有モデル。',
      },
    },
    topic: 'cloud',
    level: 'beginner',
    durationHours: 30,
    deliveryMode: 'online',
    skills: ['Điện toán đám mây', 'Linux', 'Mạng máy tính'],
    programCodes: ['new-opportunities'],
    modules: [
      {
        title: 'Khái niệm',
        lessons: [
          {
            title: 'IaaS, PaaS, SaaS',
            estimatedMinutes: 12,
            bodyHtml: ul(
              '<strong>IaaS</strong>: thuê máy chủ ảo, tự cài đặt mọi thứ.',
              '<strong>PaaS</strong>: đưa mã nguồn lên, nhà cung cấp lo máy chủ.',
              '<strong>SaaS</strong>: dùng phần mềm hoàn chỉnh qua trình duyệt (thư điện tử, bảng tính).',
            ),
          },
          {
            title: 'Trách nhiệm chia sẻ',
            estimatedMinutes: 10,
            bodyHtml: p(
              'Nhà cung cấp bảo vệ trung tâm dữ liệu và phần cứng; bạn bảo vệ tài khoản, mật khẩu, dữ liệu và cấu hình. Phần lớn sự cố lộ dữ liệu trên đám mây đến từ cấu hình sai của khách hàng, ví dụ để kho lưu trữ ở chế độ công khai.',
            ),
          },
        ],
      },
      {
        title: 'Thực hành',
        lessons: [
          {
            title: 'Triển khai trang web đầu tiên',
            estimatedMinutes: 30,
            bodyHtml:
              '<ol><li>Tạo máy chủ ảo Linux nhỏ nhất.</li><li>Mở cổng 80 và 443, đóng mọi cổng khác.</li><li>Cài máy chủ web và đưa trang HTML lên.</li><li>Đặt cảnh báo chi phí để không bị tính tiền ngoài dự kiến.</li></ol>',
          },
        ],
      },
    ],
  },
  {
    owner: MEKONG,
    slug: 'iot-nong-nghiep-mekong',
    title: 'IoT cho nông nghiệp đồng bằng sông Cửu Long',
    summary:
      'Cảm biến độ mặn, độ ẩm và mực nước, truyền dữ liệu LoRa, cảnh báo qua điện thoại: thực hành lắp một trạm đo cho ruộng lúa và ao tôm vùng xâm nhập mặn.',
    translations: {
      en: {
        title: 'IoT for agriculture in the Mekong delta',
        summary:
          'Salinity, moisture and water-level sensors, LoRa links and phone alerts: build a station for rice fields and shrimp ponds.',
      },
      ja: {
        title: 'メコンデルタ農業のためのIoT',
        summary: '塩分・水分・水位センサー、LoRa通信、スマホ通知。水田とエビ池の観測局を作る実習。',
      },
    },
    topic: 'iot_embedded',
    level: 'intermediate',
    durationHours: 36,
    deliveryMode: 'blended',
    provinceCode: '92',
    minAttendancePct: 75,
    skills: ['Cảm biến', 'LoRa', 'ESP32', 'Nông nghiệp thông minh'],
    programCodes: ['mekong-innovation'],
    modules: [
      {
        title: 'Cảm biến cho ruộng và ao',
        lessons: [
          {
            title: 'Đo độ mặn: vì sao và đo thế nào',
            estimatedMinutes: 15,
            bodyHtml: p(
              'Mùa khô, nước mặn xâm nhập sâu vào các kênh. Lúa bắt đầu bị hại khi độ mặn vượt khoảng 2‰ (hai phần nghìn); tôm thẻ lại cần nước lợ. Cảm biến độ dẫn điện (EC) đặt ở cống lấy nước cho biết lúc nào nên mở, lúc nào nên đóng cống.',
            ),
          },
          {
            title: 'Lắp trạm đo với ESP32',
            estimatedMinutes: 25,
            bodyHtml: ul(
              'ESP32 đọc cảm biến EC và nhiệt độ mỗi 15 phút.',
              'Pin mặt trời 6 V và pin lithium giữ trạm chạy qua đêm.',
              'Hộp chống nước đạt IP65, đặt cao hơn mức triều cường.',
            ),
          },
        ],
      },
      {
        title: 'Truyền dữ liệu và cảnh báo',
        lessons: [
          {
            title: 'LoRa: xa, ít điện, ít dữ liệu',
            estimatedMinutes: 12,
            bodyHtml: p(
              'LoRa gửi được vài cây số ở vùng đồng bằng thoáng, dùng rất ít điện nhưng chỉ gửi được gói tin nhỏ — đủ cho vài con số đo mỗi lần. Một cổng LoRa ở nhà văn hoá ấp có thể phục vụ cả chục trạm đo.',
            ),
          },
        ],
      },
    ],
  },
  {
    owner: HOA_LAC,
    slug: 'ky-nang-so-cho-cong-nhan',
    title: 'Kỹ năng số cho công nhân nhà máy',
    summary:
      'Dùng điện thoại và máy tính trong công việc: thư điện tử, biểu mẫu trực tuyến, bảng tính, dịch vụ công và nhận biết lừa đảo — bước đầu để chuyển sang các vị trí mới trong nhà máy 4.0.',
    translations: {
      en: {
        title: 'Digital skills for factory workers',
        summary:
          'Phones and computers at work: e-mail, online forms, spreadsheets, public services and spotting scams — a first step towards new jobs in Industry 4.0.',
      },
      ja: {
        title: '工場で働く人のためのデジタルスキル',
        summary: 'メール、オンラインフォーム、表計算、行政サービス、詐欺の見分け方。',
      },
    },
    topic: 'digital_skills',
    level: 'beginner',
    durationHours: 20,
    deliveryMode: 'online',
    skills: ['Thư điện tử', 'Bảng tính', 'Dịch vụ công trực tuyến'],
    programCodes: ['new-opportunities'],
    modules: [
      {
        title: 'Điện thoại là công cụ làm việc',
        lessons: [
          {
            title: 'Thư điện tử và biểu mẫu trực tuyến',
            estimatedMinutes: 15,
            bodyHtml: ul(
              'Tạo địa chỉ thư điện tử nghiêm túc: họ tên, không biệt danh.',
              'Đặt tiêu đề thư rõ ràng: "Đơn xin nghỉ phép ngày 12/5 — Nguyễn Văn An, tổ 3".',
              'Chụp giấy tờ đủ sáng, đủ bốn góc trước khi gửi qua biểu mẫu.',
            ),
          },
          {
            title: 'Dịch vụ công trực tuyến',
            estimatedMinutes: 15,
            bodyHtml: p(
              'Nhiều thủ tục như đăng ký tạm trú, tra cứu bảo hiểm xã hội có thể làm trên Cổng dịch vụ công bằng tài khoản định danh điện tử. Chỉ đăng nhập từ ứng dụng chính thức, không qua đường link lạ gửi trong tin nhắn.',
            ),
          },
        ],
      },
      {
        title: 'Bảng tính trong sản xuất',
        lessons: [
          {
            title: 'Ghi sản lượng ca bằng bảng tính',
            estimatedMinutes: 20,
            bodyHtml: p(
              'Mỗi dòng một ca, mỗi cột một thông tin: ngày, ca, máy, sản lượng, số lỗi. Dùng hàm <code>SUM</code> để cộng sản lượng, <code>AVERAGE</code> để tính trung bình và định dạng có điều kiện để tô đỏ ca có tỉ lệ lỗi cao.',
            ),
          },
        ],
      },
    ],
  },
  {
    owner: HOA_LAC,
    slug: 'an-ninh-mang-co-ban',
    title: 'An ninh mạng cơ bản',
    summary:
      'Mật khẩu mạnh, xác thực hai lớp, nhận diện thư và tin nhắn lừa đảo, sao lưu dữ liệu: những thói quen bảo vệ bản thân và doanh nghiệp trước các tấn công phổ biến nhất.',
    translations: {
      en: {
        title: 'Cybersecurity basics',
        summary:
          'Strong passwords, two-factor authentication, spotting phishing, backups: habits that protect people and businesses from the most common attacks.',
      },
      ja: {
        title: 'サイバーセキュリティの基礎',
        summary: '強いパスワード、二要素認証、フィッシングの見分け方、バックアップ。',
      },
    },
    topic: 'cybersecurity',
    level: 'beginner',
    durationHours: 16,
    deliveryMode: 'online',
    skills: ['Mật khẩu an toàn', 'Nhận diện lừa đảo', 'Sao lưu dữ liệu'],
    programCodes: ['new-opportunities'],
    modules: [
      {
        title: 'Tài khoản an toàn',
        lessons: [
          {
            title: 'Mật khẩu và xác thực hai lớp',
            estimatedMinutes: 12,
            bodyHtml: ul(
              'Dùng cụm mật khẩu dài, dễ nhớ: "ca-phe-sua-da-luc-7-gio".',
              'Mỗi tài khoản một mật khẩu; dùng trình quản lý mật khẩu.',
              'Bật xác thực hai lớp bằng ứng dụng, không chỉ bằng tin nhắn SMS.',
            ),
          },
        ],
      },
      {
        title: 'Lừa đảo trực tuyến',
        lessons: [
          {
            title: 'Nhận diện tin nhắn lừa đảo',
            estimatedMinutes: 15,
            bodyHtml:
              p('Dấu hiệu thường gặp:') +
              ul(
                'Thúc giục: "tài khoản sẽ bị khoá trong 2 giờ".',
                'Đường link gần giống tên ngân hàng nhưng sai một chữ.',
                'Đề nghị chuyển tiền "phí hồ sơ" để nhận việc làm hay học bổng.',
              ) +
              '<blockquote>Không ngân hàng hay cơ quan nhà nước nào hỏi mã OTP của bạn.</blockquote>',
          },
          {
            title: 'Sao lưu theo quy tắc 3-2-1',
            estimatedMinutes: 8,
            bodyHtml: p(
              'Giữ <strong>3</strong> bản dữ liệu, trên <strong>2</strong> loại thiết bị khác nhau, <strong>1</strong> bản ở nơi khác (đám mây hoặc ổ cứng cất riêng). Mã độc tống tiền không thể bắt bạn trả tiền nếu bạn có bản sao lưu sạch.',
            ),
          },
        ],
      },
    ],
  },
  {
    owner: MEKONG,
    slug: 'dao-tao-giang-vien-ky-nang-so',
    title: 'Đào tạo giảng viên: phương pháp dạy kỹ năng số',
    summary:
      'Khoá đào tạo giảng viên nguồn (ToT): thiết kế buổi học lấy người học làm trung tâm, dạy người lớn tuổi và người ở vùng nông thôn, đánh giá bằng thực hành và theo dõi học viên sau khoá.',
    translations: {
      en: {
        title: 'Training of trainers: teaching digital skills',
        summary:
          'A ToT course: learner-centred sessions, teaching adults and rural learners, practical assessment and follow-up after the course.',
      },
      ja: {
        title: '講師養成：デジタルスキルの教え方',
        summary: '講師養成講座（ToT）：学習者中心の授業設計、成人・農村部の学習者への指導、実技評価。',
      },
    },
    topic: 'digital_skills',
    level: 'advanced',
    durationHours: 40,
    deliveryMode: 'blended',
    provinceCode: '92',
    minAttendancePct: 90,
    isTot: true,
    isOpen: false,
    skills: ['Phương pháp giảng dạy', 'Thiết kế bài giảng', 'Đánh giá thực hành'],
    programCodes: ['mekong-innovation', 'new-opportunities'],
    modules: [
      {
        title: 'Người lớn học như thế nào',
        lessons: [
          {
            title: 'Năm nguyên tắc dạy người lớn',
            estimatedMinutes: 15,
            bodyHtml: ul(
              'Bắt đầu từ việc người học cần làm ngay (nộp hồ sơ, bán hàng trên mạng), không bắt đầu từ lý thuyết.',
              'Cho thực hành trên chính điện thoại của họ.',
              'Mỗi buổi chỉ 2–3 kỹ năng mới.',
              'Tôn trọng kinh nghiệm sống; không làm người học xấu hổ khi sai.',
              'Kết thúc bằng một sản phẩm mang về được.',
            ),
          },
        ],
      },
      {
        title: 'Thiết kế và đánh giá',
        lessons: [
          {
            title: 'Buổi học 90 phút mẫu',
            estimatedMinutes: 20,
            bodyHtml:
              '<table><thead><tr><th>Phút</th><th>Hoạt động</th></tr></thead><tbody><tr><td>0–10</td><td>Khởi động: một câu hỏi từ đời sống</td></tr><tr><td>10–30</td><td>Giảng viên làm mẫu, chiếu màn hình điện thoại</td></tr><tr><td>30–70</td><td>Học viên thực hành theo cặp</td></tr><tr><td>70–85</td><td>Kiểm tra nhanh bằng thực hành</td></tr><tr><td>85–90</td><td>Tóm tắt, bài tập về nhà</td></tr></tbody></table>',
          },
          {
            title: 'Đo kết quả sau khoá',
            estimatedMinutes: 10,
            bodyHtml: p(
              'Giảng viên nguồn chịu trách nhiệm cho cả học viên gián tiếp: ghi danh họ trên nền tảng để mỗi người được đếm một lần, và hỏi lại sau ba tháng xem họ có dùng kỹ năng mới trong công việc không.',
            ),
          },
        ],
      },
    ],
  },
  {
    owner: HOA_LAC,
    slug: 'ky-nang-lam-viec-tai-nhat',
    title: 'Kỹ năng làm việc tại công ty Nhật Bản',
    summary:
      'Văn hoá đúng giờ, 5S, báo cáo – liên lạc – trao đổi, làm việc nhóm và giải quyết khó khăn thường gặp khi mới sang Nhật: chuẩn bị cho người lao động trước khi xuất cảnh.',
    translations: {
      en: {
        title: 'Soft skills for the workplace in Japan',
        summary:
          'Punctuality, 5S, hō-ren-sō, teamwork and the first difficulties in Japan: preparation before departure.',
      },
      ja: {
        title: '日本の職場で働くためのソフトスキル',
        summary: '時間厳守、5S、報連相、チームワーク、来日直後によくある困りごとへの対応。',
      },
    },
    topic: 'soft_skills',
    level: 'beginner',
    durationHours: 16,
    deliveryMode: 'online',
    skills: ['5S', 'Làm việc nhóm', 'Văn hoá doanh nghiệp Nhật'],
    programCodes: ['work-in-japan'],
    modules: [
      {
        title: 'Văn hoá nơi làm việc',
        lessons: [
          {
            title: '5S là gì',
            estimatedMinutes: 10,
            bodyHtml: ul(
              '<strong>Seiri</strong> (sàng lọc): bỏ đồ không cần.',
              '<strong>Seiton</strong> (sắp xếp): mỗi thứ một chỗ, dễ lấy.',
              '<strong>Seisō</strong> (sạch sẽ): lau dọn là kiểm tra máy.',
              '<strong>Seiketsu</strong> (săn sóc): duy trì ba điều trên thành chuẩn.',
              '<strong>Shitsuke</strong> (sẵn sàng): tự giác làm mỗi ngày.',
            ),
          },
          {
            title: 'Đúng giờ nghĩa là đến sớm',
            estimatedMinutes: 8,
            bodyHtml: p(
              'Ở Nhật, "đúng giờ" là có mặt, thay đồng phục và sẵn sàng trước giờ bắt đầu ca khoảng 5–10 phút. Nếu có thể muộn, phải gọi điện báo trước cho tổ trưởng — không chỉ nhắn tin.',
            ),
          },
        ],
      },
      {
        title: 'Khi gặp khó khăn',
        lessons: [
          {
            title: 'Ai giúp bạn khi ở Nhật',
            estimatedMinutes: 10,
            bodyHtml: p(
              'Người lao động kỹ năng đặc định có tổ chức hỗ trợ đăng ký riêng: họ phải hướng dẫn đời sống, giúp làm thủ tục và nghe tư vấn bằng tiếng mẹ đẻ. Lưu số điện thoại tổ chức hỗ trợ và Đại sứ quán Việt Nam ngay từ ngày đầu.',
            ),
          },
        ],
      },
    ],
  },
];

/** Creates the demo courses that do not exist yet; returns how many it created. */
export async function seedDemoCourses(ctx: AppContext): Promise<number> {
  let created = 0;
  for (const { owner, ...spec } of demoCourses) {
    const org = await findOrganisationBySlug(ctx.db, owner);
    if (!org) {
      ctx.log.warn(`demo course ${spec.slug} skipped: no organisation ${owner}`);
      continue;
    }
    await ctx.db.transaction().execute(async (trx) => {
      if (await repo.findCourseBySlug(trx, spec.slug)) return;
      await createCourseFromSpec(trx, { ...spec, organisationId: org.id });
      created++;
    });
  }
  if (created > 0) ctx.log.info(`${created} demo courses created`);
  return created;
}
