/**
 * The product's own 4IR skills taxonomy: what Viet Nam's digital and semiconductor workforce programmes
 * teach and employers ask for, in Vietnamese, English and Japanese. Ids are stable (jobs, profiles and
 * courses point at them): a skill is renamed here, never re-keyed. `esco` is the ESCO v1.1.1 skill
 * concept (…/esco/skill/<id>) where one means the same thing. `aliases` are other names the skill goes
 * by, notably the free-text skills of the demo courses, which is how a course's certificate becomes a
 * verified skill on a profile.
 *
 * Proficiency on every skill runs 1 (awareness) … 5 (expert); for Japanese, the levels follow the
 * JLPT (N5 = 1 … N1 = 5).
 */
import type { SkillCategory } from '../../../../common/talent';

export interface TaxonomySkill {
  id: string;
  category: SkillCategory;
  vi: string;
  en: string;
  ja: string;
  def: { vi: string; en: string; ja: string };
  esco?: string;
  aliases?: string[];
  related?: string[];
}

const S = (
  id: string,
  category: SkillCategory,
  [vi, en, ja]: [string, string, string],
  def: [string, string, string],
  more: { esco?: string; aliases?: string[]; related?: string[] } = {},
): TaxonomySkill => ({ id, category, vi, en, ja, def: { vi: def[0], en: def[1], ja: def[2] }, ...more });

export const taxonomy: readonly TaxonomySkill[] = [
  // ── AI and data ──
  S(
    'ai.python',
    'ai_data',
    ['Lập trình Python', 'Python programming', 'Pythonプログラミング'],
    [
      'Viết và đọc chương trình Python để xử lý dữ liệu và tự động hoá công việc.',
      'Writing and reading Python programs to process data and automate work.',
      'データ処理や業務自動化のためにPythonのプログラムを書き、読む力。',
    ],
    {
      esco: 'ccd0a1d9-afda-43d9-b901-96344886e14d',
      aliases: ['Python'],
      related: ['ai.data-analysis', 'ai.machine-learning'],
    },
  ),
  S(
    'ai.data-analysis',
    'ai_data',
    ['Phân tích dữ liệu', 'Data analysis', 'データ分析'],
    [
      'Làm sạch, tổng hợp và diễn giải dữ liệu để trả lời câu hỏi thực tế.',
      'Cleaning, summarising and interpreting data to answer practical questions.',
      '実務上の問いに答えるためにデータを整え、集計し、解釈する力。',
    ],
    {
      esco: '2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f',
      aliases: ['pandas', 'Phân tích dữ liệu với Python'],
      related: ['ai.python', 'ai.data-visualisation', 'ai.statistics'],
    },
  ),
  S(
    'ai.data-visualisation',
    'ai_data',
    ['Trực quan hoá dữ liệu', 'Data visualisation', 'データの可視化'],
    [
      'Trình bày dữ liệu bằng biểu đồ rõ ràng, trung thực.',
      'Presenting data in clear, honest charts.',
      'データを明快で誠実なグラフで示す力。',
    ],
    { esco: 'c3e36d05-8ae8-447f-bb2b-6f9409f85389', related: ['ai.data-analysis'] },
  ),
  S(
    'ai.statistics',
    'ai_data',
    ['Thống kê', 'Statistics', '統計'],
    [
      'Dùng các phương pháp thống kê cơ bản để mô tả và suy luận từ dữ liệu.',
      'Using basic statistical methods to describe data and draw inferences from it.',
      '基本的な統計手法でデータを記述し、推論する力。',
    ],
    { esco: '7ee4c2ea-b349-4bd2-81a3-ec31475d4833', related: ['ai.data-analysis', 'ai.machine-learning'] },
  ),
  S(
    'ai.sql',
    'ai_data',
    ['SQL', 'SQL', 'SQL'],
    [
      'Truy vấn và tổng hợp dữ liệu trong cơ sở dữ liệu quan hệ.',
      'Querying and aggregating data in relational databases.',
      'リレーショナルデータベースのデータを照会し集計する力。',
    ],
    { esco: '598de5b0-5b58-4ea7-8058-a4bc4d18c742', related: ['ai.data-analysis'] },
  ),
  S(
    'ai.machine-learning',
    'ai_data',
    ['Học máy', 'Machine learning', '機械学習'],
    [
      'Xây dựng, đánh giá và sử dụng mô hình học từ dữ liệu.',
      'Building, evaluating and using models that learn from data.',
      'データから学習するモデルを構築・評価・活用する力。',
    ],
    {
      esco: '3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43',
      related: ['ai.python', 'ai.deep-learning', 'ai.responsible-ai'],
    },
  ),
  S(
    'ai.deep-learning',
    'ai_data',
    ['Học sâu', 'Deep learning', '深層学習'],
    [
      'Huấn luyện mạng nơ-ron nhiều lớp cho ảnh, âm thanh và ngôn ngữ.',
      'Training multi-layer neural networks for images, sound and language.',
      '画像・音声・言語のための多層ニューラルネットワークを学習させる力。',
    ],
    { esco: 'ecc4552a-92c5-4222-b18d-faf5ac841080', related: ['ai.machine-learning'] },
  ),
  S(
    'ai.responsible-ai',
    'ai_data',
    ['AI có trách nhiệm', 'Responsible AI', '責任あるAI'],
    [
      'Nhận biết thiên lệch, quyền riêng tư và rủi ro khi dùng AI, và giảm thiểu chúng.',
      'Recognising and reducing bias, privacy and safety risks when using AI.',
      'AI利用における偏り・プライバシー・安全上のリスクを認識し、低減する力。',
    ],
    { related: ['ai.machine-learning', 'ai.generative-ai'] },
  ),
  S(
    'ai.generative-ai',
    'ai_data',
    ['Sử dụng AI tạo sinh', 'Using generative AI', '生成AIの活用'],
    [
      'Dùng công cụ AI tạo sinh hiệu quả và kiểm chứng kết quả của chúng.',
      'Using generative AI tools well and checking what they produce.',
      '生成AIツールを効果的に使い、その出力を検証する力。',
    ],
    { aliases: ['Công cụ AI tạo sinh'], related: ['ai.responsible-ai'] },
  ),
  S(
    'ai.spreadsheets',
    'ai_data',
    ['Bảng tính', 'Spreadsheets', '表計算'],
    [
      'Nhập, tính toán và lập bảng tổng hợp trên bảng tính (Excel, Google Sheets).',
      'Entering, calculating and summarising data in spreadsheets (Excel, Google Sheets).',
      '表計算ソフト（Excel、Googleスプレッドシート）で入力・計算・集計する力。',
    ],
    {
      esco: '1973c966-f236-40c9-b2d4-5d71a89019be',
      aliases: ['Excel'],
      related: ['ai.data-analysis', 'dig.office'],
    },
  ),

  // ── Cloud ──
  S(
    'cloud.computing',
    'cloud',
    ['Điện toán đám mây', 'Cloud computing', 'クラウドコンピューティング'],
    [
      'Triển khai và vận hành dịch vụ trên hạ tầng đám mây.',
      'Deploying and running services on cloud infrastructure.',
      'クラウド基盤上でサービスを展開・運用する力。',
    ],
    {
      esco: '11430d93-c835-48ed-8e70-285fa69c9ae6',
      related: ['cloud.linux', 'cloud.networking', 'cyber.cloud-security'],
    },
  ),
  S(
    'cloud.linux',
    'cloud',
    ['Quản trị Linux', 'Linux administration', 'Linux管理'],
    [
      'Dùng dòng lệnh và quản trị máy chủ Linux.',
      'Using the command line and administering Linux servers.',
      'コマンドラインを使いLinuxサーバーを管理する力。',
    ],
    { esco: 'f9a6f35b-01a7-40c9-8b61-b6ee46f97272', aliases: ['Linux'], related: ['cloud.computing'] },
  ),
  S(
    'cloud.networking',
    'cloud',
    ['Mạng máy tính', 'Computer networking', 'コンピュータネットワーク'],
    [
      'Hiểu và cấu hình mạng: địa chỉ IP, định tuyến, DNS, tường lửa.',
      'Understanding and configuring networks: IP addressing, routing, DNS, firewalls.',
      'IPアドレス、ルーティング、DNS、ファイアウォールなどのネットワークを理解し設定する力。',
    ],
    { esco: '0da6cab1-0ee9-4391-a299-f71fbf21db56', related: ['cloud.computing', 'cyber.network-security'] },
  ),
  S(
    'cloud.containers',
    'cloud',
    ['Container và Kubernetes', 'Containers and Kubernetes', 'コンテナとKubernetes'],
    [
      'Đóng gói và điều phối ứng dụng bằng container.',
      'Packaging and orchestrating applications in containers.',
      'コンテナでアプリケーションをパッケージ化し、オーケストレーションする力。',
    ],
    { aliases: ['Docker', 'Kubernetes'], related: ['cloud.computing', 'cloud.linux'] },
  ),

  // ── Cybersecurity ──
  S(
    'cyber.passwords',
    'cybersecurity',
    ['Mật khẩu và xác thực an toàn', 'Secure passwords and authentication', '安全なパスワードと認証'],
    [
      'Dùng mật khẩu mạnh, trình quản lý mật khẩu và xác thực hai lớp.',
      'Using strong passwords, password managers and two-factor authentication.',
      '強いパスワード、パスワードマネージャー、二要素認証を使う力。',
    ],
    { aliases: ['Mật khẩu an toàn'], related: ['cyber.phishing'] },
  ),
  S(
    'cyber.phishing',
    'cybersecurity',
    ['Nhận diện lừa đảo trực tuyến', 'Recognising online scams', 'オンライン詐欺の見分け方'],
    [
      'Nhận ra tin nhắn, cuộc gọi và trang web lừa đảo, kể cả lời mời việc làm giả.',
      'Recognising scam messages, calls and websites, including fake job offers.',
      '偽の求人を含む詐欺メッセージ・電話・サイトを見分ける力。',
    ],
    { aliases: ['Nhận diện lừa đảo'], related: ['cyber.passwords'] },
  ),
  S(
    'cyber.backup',
    'cybersecurity',
    ['Sao lưu dữ liệu', 'Data backup', 'データのバックアップ'],
    [
      'Sao lưu và khôi phục dữ liệu theo lịch.',
      'Backing up and restoring data on a schedule.',
      '定期的にデータをバックアップし復元する力。',
    ],
    { esco: '82de2df7-0d6c-42b1-94ac-b3e9a029e917', related: ['cyber.passwords'] },
  ),
  S(
    'cyber.network-security',
    'cybersecurity',
    ['An ninh mạng', 'Network security', 'ネットワークセキュリティ'],
    [
      'Phát hiện và phòng chống tấn công vào mạng và hệ thống.',
      'Detecting and preventing attacks on networks and systems.',
      'ネットワークやシステムへの攻撃を検知し防ぐ力。',
    ],
    { esco: '5898d99a-62a4-4e10-a2e3-0d815ce44248', related: ['cloud.networking', 'cyber.cloud-security'] },
  ),
  S(
    'cyber.cloud-security',
    'cybersecurity',
    ['Bảo mật đám mây', 'Cloud security', 'クラウドセキュリティ'],
    [
      'Cấu hình an toàn và tuân thủ cho dịch vụ đám mây.',
      'Secure configuration and compliance of cloud services.',
      'クラウドサービスの安全な設定とコンプライアンス。',
    ],
    { esco: '1c2978b8-bb0d-4249-9c23-877571a4dffa', related: ['cloud.computing', 'cyber.network-security'] },
  ),
  S(
    'cyber.data-protection',
    'cybersecurity',
    ['Bảo vệ dữ liệu cá nhân', 'Personal data protection', '個人情報の保護'],
    [
      'Xử lý dữ liệu cá nhân đúng luật (Luật 91/2025/QH15) và bảo vệ quyền riêng tư.',
      'Handling personal data lawfully (Law 91/2025/QH15) and protecting privacy.',
      '法律（第91/2025/QH15号）に沿って個人データを扱い、プライバシーを守る力。',
    ],
    { esco: '33a82b83-c838-4889-ae62-fae1317481eb', related: ['cyber.passwords'] },
  ),

  // ── IoT and embedded ──
  S(
    'iot.sensors',
    'iot_embedded',
    ['Cảm biến', 'Sensors', 'センサー'],
    [
      'Chọn, lắp và đọc dữ liệu từ cảm biến.',
      'Choosing, installing and reading sensors.',
      'センサーを選び、取り付け、データを読み取る力。',
    ],
    { esco: '368e5db0-ecca-4694-b116-3bb0f238d10c', related: ['iot.microcontrollers', 'iot.wireless'] },
  ),
  S(
    'iot.microcontrollers',
    'iot_embedded',
    ['Lập trình vi điều khiển', 'Microcontroller programming', 'マイコンプログラミング'],
    [
      'Lập trình vi điều khiển (ESP32, STM32, Arduino) cho thiết bị nhúng.',
      'Programming microcontrollers (ESP32, STM32, Arduino) for embedded devices.',
      '組込み機器のためにマイコン（ESP32、STM32、Arduino）をプログラムする力。',
    ],
    {
      esco: '2180bd8c-86de-4889-8165-adac902eee9d',
      aliases: ['ESP32', 'Arduino', 'STM32'],
      related: ['iot.embedded-c', 'iot.sensors'],
    },
  ),
  S(
    'iot.embedded-c',
    'iot_embedded',
    ['Lập trình C nhúng', 'Embedded C programming', '組込みC言語'],
    [
      'Viết phần mềm C cho hệ thống nhúng có tài nguyên hạn chế.',
      'Writing C for resource-constrained embedded systems.',
      'リソースの限られた組込みシステム向けにCで書く力。',
    ],
    {
      esco: 'b633eb55-8f1f-4ae6-ab4c-2022ffe2cb7f',
      aliases: ['C nhúng', 'C/C++'],
      related: ['iot.microcontrollers'],
    },
  ),
  S(
    'iot.wireless',
    'iot_embedded',
    ['Truyền thông không dây IoT', 'IoT wireless communication', 'IoT無線通信'],
    [
      'Dùng LoRa, Wi-Fi, Bluetooth và NB-IoT để kết nối thiết bị.',
      'Connecting devices over LoRa, Wi-Fi, Bluetooth and NB-IoT.',
      'LoRa、Wi-Fi、Bluetooth、NB-IoTで機器を接続する力。',
    ],
    { esco: '6290031b-4183-4849-ab02-11a3ea0494da', aliases: ['LoRa'], related: ['iot.sensors'] },
  ),
  S(
    'iot.smart-agriculture',
    'iot_embedded',
    ['Nông nghiệp thông minh', 'Smart agriculture', 'スマート農業'],
    [
      'Ứng dụng IoT và dữ liệu vào tưới tiêu, nuôi trồng và theo dõi mùa vụ.',
      'Applying IoT and data to irrigation, aquaculture and crop monitoring.',
      'IoTとデータを灌漑・養殖・作物管理に応用する力。',
    ],
    { esco: '04012dd1-478d-4eec-9951-dd623bfe86ca', related: ['iot.sensors', 'iot.wireless'] },
  ),

  // ── Semiconductor design ──
  S(
    'semi.ic-design',
    'semiconductor_design',
    ['Thiết kế vi mạch', 'Integrated circuit design', '集積回路設計'],
    [
      'Thiết kế vi mạch số và tương tự từ đặc tả đến bố trí.',
      'Designing digital and analogue integrated circuits from specification to layout.',
      '仕様からレイアウトまでデジタル・アナログ集積回路を設計する力。',
    ],
    { esco: '6d12ac9b-5ec0-49b9-bd70-5a19352585cb', related: ['semi.hdl', 'semi.verification'] },
  ),
  S(
    'semi.hdl',
    'semiconductor_design',
    [
      'Ngôn ngữ mô tả phần cứng (Verilog/VHDL)',
      'Hardware description languages (Verilog/VHDL)',
      'ハードウェア記述言語（Verilog/VHDL）',
    ],
    [
      'Mô tả mạch số bằng Verilog, SystemVerilog hoặc VHDL.',
      'Describing digital circuits in Verilog, SystemVerilog or VHDL.',
      'Verilog、SystemVerilog、VHDLでデジタル回路を記述する力。',
    ],
    { aliases: ['Verilog', 'VHDL', 'SystemVerilog'], related: ['semi.ic-design', 'semi.verification'] },
  ),
  S(
    'semi.verification',
    'semiconductor_design',
    ['Kiểm chứng thiết kế vi mạch', 'Chip design verification', 'チップ設計検証'],
    [
      'Mô phỏng và kiểm chứng thiết kế trước khi sản xuất (UVM).',
      'Simulating and verifying designs before fabrication (UVM).',
      '製造前に設計をシミュレーションし検証する力（UVM）。',
    ],
    { related: ['semi.hdl', 'semi.ic-design'] },
  ),

  // ── Semiconductor fabrication ──
  S(
    'semi.fab-process',
    'semiconductor_fabrication',
    ['Quy trình chế tạo bán dẫn', 'Semiconductor fabrication process', '半導体製造プロセス'],
    [
      'Hiểu các bước chế tạo: oxy hoá, quang khắc, khắc, lắng đọng, cấy ion.',
      'Understanding the fabrication steps: oxidation, lithography, etching, deposition, implantation.',
      '酸化・リソグラフィ・エッチング・成膜・イオン注入などの製造工程を理解する力。',
    ],
    { esco: 'e5e17773-3a63-40c5-99e4-10e036cf7b99', related: ['semi.cleanroom', 'semi.wafer-inspection'] },
  ),
  S(
    'semi.cleanroom',
    'semiconductor_fabrication',
    ['Làm việc trong phòng sạch', 'Cleanroom practice', 'クリーンルーム作業'],
    [
      'Tuân thủ quy trình phòng sạch: trang phục, vệ sinh, kiểm soát hạt bụi.',
      'Following cleanroom procedure: gowning, cleaning, particle control.',
      '着衣・清掃・パーティクル管理などクリーンルームの手順を守る力。',
    ],
    { esco: '7bb01a18-4637-4535-ba18-258f48f705b8', aliases: ['Phòng sạch'], related: ['semi.fab-process'] },
  ),
  S(
    'semi.chemical-safety',
    'semiconductor_fabrication',
    ['An toàn hoá chất', 'Chemical safety', '化学物質の安全管理'],
    [
      'Xử lý, lưu trữ và thải bỏ hoá chất công nghiệp an toàn.',
      'Handling, storing and disposing of industrial chemicals safely.',
      '工業用化学物質を安全に取り扱い、保管し、廃棄する力。',
    ],
    { esco: '2416dc09-6384-409e-8b1d-80bb7a2e7369', related: ['semi.cleanroom'] },
  ),
  S(
    'semi.wafer-inspection',
    'semiconductor_fabrication',
    ['Kiểm tra wafer', 'Wafer inspection', 'ウェーハ検査'],
    [
      'Phát hiện và phân loại khuyết tật trên wafer bằng thiết bị quang học.',
      'Finding and classifying defects on wafers with optical equipment.',
      '光学装置でウェーハ上の欠陥を見つけ分類する力。',
    ],
    {
      esco: '0d6ad185-dc2c-46e7-b7f7-a01681c9fddb',
      aliases: ['Kiểm tra quang học'],
      related: ['semi.microscopy', 'semi.fab-process'],
    },
  ),
  S(
    'semi.microscopy',
    'semiconductor_fabrication',
    ['Sử dụng kính hiển vi', 'Microscope operation', '顕微鏡の操作'],
    [
      'Vận hành kính hiển vi quang học để kiểm tra chi tiết nhỏ.',
      'Operating optical microscopes to inspect small features.',
      '微細な部分を検査するため光学顕微鏡を操作する力。',
    ],
    {
      esco: '72aed9bf-33ba-474d-a02e-5ae3de2d5e05',
      aliases: ['Kính hiển vi'],
      related: ['semi.wafer-inspection'],
    },
  ),

  // ── Semiconductor packaging and test ──
  S(
    'semi.soldering',
    'semiconductor_packaging_test',
    ['Hàn linh kiện điện tử', 'Electronic soldering', '電子部品のはんだ付け'],
    [
      'Hàn tay và vận hành máy hàn linh kiện theo tiêu chuẩn IPC.',
      'Hand soldering and operating soldering machines to IPC standards.',
      'IPC規格に沿った手はんだとはんだ付け装置の操作。',
    ],
    {
      esco: '136596a4-00b5-4ed3-bb6e-717198c1ccbe',
      aliases: ['Hàn linh kiện'],
      related: ['semi.pcb-assembly'],
    },
  ),
  S(
    'semi.pcb-assembly',
    'semiconductor_packaging_test',
    ['Lắp ráp bo mạch in (PCB)', 'PCB assembly', 'プリント基板の組立'],
    [
      'Lắp ráp, kiểm tra và sửa bo mạch in.',
      'Assembling, inspecting and reworking printed circuit boards.',
      'プリント基板を組み立て、検査し、修正する力。',
    ],
    {
      esco: '4ce4dd33-7429-4e65-a055-6e46a34cb19b',
      aliases: ['Lắp ráp PCB'],
      related: ['semi.soldering', 'semi.schematics'],
    },
  ),
  S(
    'semi.schematics',
    'semiconductor_packaging_test',
    ['Đọc bản vẽ điện tử', 'Reading circuit diagrams', '回路図の読解'],
    [
      'Đọc sơ đồ mạch và bản vẽ lắp ráp.',
      'Reading circuit diagrams and assembly drawings.',
      '回路図や組立図を読む力。',
    ],
    { esco: '02c71cde-f513-43da-8952-0974763c7568', related: ['semi.pcb-assembly'] },
  ),
  S(
    'semi.packaging',
    'semiconductor_packaging_test',
    ['Đóng gói vi mạch', 'Chip packaging', '半導体パッケージング'],
    [
      'Cắt wafer, gắn chip, hàn dây và đóng vỏ vi mạch.',
      'Dicing, die attach, wire bonding and encapsulation of chips.',
      'ダイシング、ダイボンディング、ワイヤボンディング、封止の工程。',
    ],
    { esco: 'aec13d38-b54b-425a-90c5-b0daac6f0776', related: ['semi.testing'] },
  ),
  S(
    'semi.testing',
    'semiconductor_packaging_test',
    ['Kiểm thử vi mạch', 'Semiconductor testing', '半導体テスト'],
    [
      'Vận hành thiết bị kiểm thử tự động và phân tích kết quả.',
      'Running automated test equipment and analysing the results.',
      '自動試験装置を運用し結果を分析する力。',
    ],
    { esco: 'd2adf974-7868-4ede-bc48-9f88824ab250', related: ['semi.packaging', 'semi.wafer-inspection'] },
  ),

  // ── Digital skills for industrial workers ──
  S(
    'dig.office',
    'digital_industrial',
    ['Kỹ năng văn phòng số', 'Digital office skills', 'デジタル事務スキル'],
    [
      'Dùng thư điện tử, soạn thảo văn bản và lưu trữ trực tuyến trong công việc.',
      'Using e-mail, word processing and online storage at work.',
      '仕事で電子メール、文書作成、オンラインストレージを使う力。',
    ],
    { esco: 'ec0bbf39-0edd-4015-a2c3-82ad563ce3a8', aliases: ['Thư điện tử'], related: ['ai.spreadsheets'] },
  ),
  S(
    'dig.e-government',
    'digital_industrial',
    ['Dùng dịch vụ công trực tuyến', 'Using online public services', 'オンライン行政サービスの利用'],
    [
      'Thực hiện thủ tục hành chính trên Cổng dịch vụ công và VNeID.',
      'Completing administrative procedures on the public services portal and VNeID.',
      '公共サービスポータルやVNeIDで行政手続きを行う力。',
    ],
    { aliases: ['Dịch vụ công trực tuyến'], related: ['dig.office'] },
  ),
  S(
    'dig.quality-5s',
    'digital_industrial',
    ['5S và cải tiến liên tục', '5S and continuous improvement', '5Sと改善'],
    [
      'Áp dụng 5S và kaizen để giữ nơi làm việc an toàn, ngăn nắp, hiệu quả.',
      'Applying 5S and kaizen to keep the workplace safe, orderly and efficient.',
      '5Sと改善で職場を安全・整然・効率的に保つ力。',
    ],
    {
      esco: 'a276b1ad-c0b7-4b33-899c-0fbfcdbe0eee',
      aliases: ['5S', 'Kaizen'],
      related: ['soft.japanese-workplace'],
    },
  ),
  S(
    'dig.teaching',
    'digital_industrial',
    ['Giảng dạy kỹ năng số', 'Teaching digital skills', 'デジタルスキルの指導'],
    [
      'Thiết kế bài giảng, dạy và đánh giá thực hành kỹ năng số cho người lớn.',
      'Designing lessons, teaching and assessing digital skills practice for adults.',
      '成人向けにデジタルスキルの授業を設計し、教え、実技を評価する力。',
    ],
    {
      esco: 'c8fa4313-80b0-4f37-8b1b-1739707bc362',
      aliases: ['Phương pháp giảng dạy', 'Thiết kế bài giảng', 'Đánh giá thực hành'],
    },
  ),

  // ── Japanese language ──
  S(
    'ja.japanese',
    'japanese_language',
    ['Tiếng Nhật', 'Japanese language', '日本語'],
    [
      'Nghe, nói, đọc, viết tiếng Nhật; cấp độ theo JLPT (N5 = 1 … N1 = 5).',
      'Listening, speaking, reading and writing Japanese; levels follow the JLPT (N5 = 1 … N1 = 5).',
      '日本語を聞く・話す・読む・書く力。レベルはJLPTに準じる（N5＝1…N1＝5）。',
    ],
    {
      esco: '39c675c4-af13-49db-bbed-cf762102f85e',
      aliases: ['JLPT N4', 'JFT-Basic', 'JLPT'],
      related: ['ja.workplace-japanese'],
    },
  ),
  S(
    'ja.workplace-japanese',
    'japanese_language',
    ['Tiếng Nhật trong công việc', 'Workplace Japanese', '職場の日本語'],
    [
      'Giao tiếp tiếng Nhật tại nhà máy: chỉ thị, báo cáo, an toàn lao động.',
      'Japanese for the factory floor: instructions, reporting, safety.',
      '工場での日本語：指示、報告・連絡・相談、安全。',
    ],
    { esco: 'dd5cb6ea-3818-4734-816d-821a67a3684e', related: ['ja.japanese', 'soft.japanese-workplace'] },
  ),

  // ── Soft skills ──
  S(
    'soft.teamwork',
    'soft_skills',
    ['Làm việc nhóm', 'Teamwork', 'チームワーク'],
    [
      'Phối hợp với đồng nghiệp để hoàn thành mục tiêu chung.',
      'Working with colleagues towards a shared goal.',
      '同僚と協力して共通の目標を達成する力。',
    ],
    { esco: '60c78287-22eb-4103-9c8c-28deaa460da0', related: ['soft.communication'] },
  ),
  S(
    'soft.communication',
    'soft_skills',
    ['Giao tiếp', 'Communication', 'コミュニケーション'],
    [
      'Trình bày rõ ràng, lắng nghe và phản hồi trong công việc.',
      'Explaining clearly, listening and giving feedback at work.',
      '仕事で分かりやすく説明し、聞き、フィードバックする力。',
    ],
    { related: ['soft.teamwork'] },
  ),
  S(
    'soft.japanese-workplace',
    'soft_skills',
    ['Văn hoá doanh nghiệp Nhật', 'Japanese workplace culture', '日本の職場文化'],
    [
      'Hiểu và thực hành Hōrensō, đúng giờ, an toàn và tác phong tại doanh nghiệp Nhật.',
      'Understanding and practising hōrensō, punctuality, safety and manners in Japanese companies.',
      '日本企業での報連相、時間厳守、安全、マナーを理解し実践する力。',
    ],
    { related: ['ja.workplace-japanese', 'dig.quality-5s'] },
  ),
  S(
    'soft.problem-solving',
    'soft_skills',
    ['Giải quyết vấn đề', 'Problem solving', '問題解決'],
    [
      'Tìm nguyên nhân gốc và đề xuất cách khắc phục.',
      'Finding root causes and proposing fixes.',
      '根本原因を見つけ、対策を提案する力。',
    ],
    { related: ['dig.quality-5s'] },
  ),
];
