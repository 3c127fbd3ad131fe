import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGift } from './gift';
import { checkQuestion } from './model';

const bank = readFileSync(join(import.meta.dirname, 'fixtures/semiconductor.gift'), 'utf8');

describe('GIFT: a realistic bank with every construct', () => {
  const items = parseGift(bank, { category: 'Mặc định' });

  it('finds every question, with the line it starts on, its title and its category', () => {
    expect(items.map((i) => [i.index, i.line, i.title, i.category])).toEqual([
      [1, 6, 'Quy tắc trang phục', 'Phòng sạch'],
      [2, 13, 'Đúng/Sai', 'Phòng sạch'],
      [3, 15, null, 'Phòng sạch'],
      [4, 18, 'Nguồn nhiễm bẩn', 'Phòng sạch'],
      [5, 26, 'Số đo', 'Kiểm tra wafer'],
      [6, 28, 'Khoảng', 'Kiểm tra wafer'],
      [7, 30, 'Số có trọng số', 'Kiểm tra wafer'],
      [8, 35, 'Dạng viết khác', 'Kiểm tra wafer'],
      [9, 37, 'Trả lời ngắn', 'Kiểm tra wafer'],
      [10, 39, 'HTML', 'Kiểm tra wafer'],
      [11, 41, null, 'Kiểm tra wafer'],
      [12, 44, null, 'Kiểm tra wafer'],
      [13, 50, 'Ghép đôi', 'Kiểm tra wafer'],
      [14, 55, 'Tự luận', 'Kiểm tra wafer'],
      [15, 57, null, 'Kiểm tra wafer'],
      [16, 59, 'Sai cú pháp', 'Kiểm tra wafer'],
    ]);
  });

  it('reads single choice over several lines, with per-answer and general feedback', () => {
    expect(items[0]!.input).toEqual({
      kind: 'single',
      prompt: 'Khi vào phòng sạch ISO 5, kỹ thuật viên phải làm gì **trước tiên**?',
      category: 'Phòng sạch',
      choices: [
        {
          text: 'Mặc bộ quần áo phòng sạch theo đúng trình tự tại phòng thay đồ',
          weight: 100,
          feedback: 'Đúng: trang phục trước, rồi mới qua buồng thổi khí.',
        },
        {
          text: 'Đi thẳng vào khu vực sản xuất',
          weight: 0,
          feedback: 'Sai: bụi từ quần áo thường làm hỏng wafer.',
        },
        { text: 'Tháo găng tay để thao tác nhanh hơn', weight: 0, feedback: null },
      ],
      feedback: 'Quy trình thay đồ giúp giảm hạt bụi mang vào phòng sạch.',
    });
  });

  it('reads true/false: {F} with wrong-answer then right-answer feedback, and {TRUE}', () => {
    expect(items[1]!.input).toMatchObject({
      kind: 'true_false',
      correct: false,
      // Answering "true" is the wrong answer here, so it gets the first feedback.
      feedbackTrue: 'Giấy thường sinh bụi; chỉ dùng giấy phòng sạch.',
      feedbackFalse: 'Chính xác!',
    });
    expect(items[2]!.input).toMatchObject({ kind: 'true_false', correct: true, feedbackTrue: null });
  });

  it('reads multiple answers with percentage weights, negative ones included', () => {
    expect(items[3]!.input).toMatchObject({
      kind: 'multiple',
      choices: [
        { text: 'Da và tóc của con người', weight: 50 },
        { text: 'Mỹ phẩm', weight: 50 },
        { text: 'Không khí đã lọc qua bộ lọc HEPA', weight: -100, feedback: 'Không khí qua HEPA là sạch.' },
      ],
    });
  });

  it('reads numeric answers: tolerance, range, weighted alternatives in both spellings', () => {
    expect(items[4]!.input?.numbers).toEqual([{ value: 300, tolerance: 0.5, weight: 100, feedback: null }]);
    expect(items[5]!.input?.numbers).toEqual([{ min: 40, max: 50, weight: 100, feedback: null }]);
    expect(items[6]!.input?.numbers).toEqual([
      { value: 120, tolerance: 0, weight: 100, feedback: 'Chính xác.' },
      { value: 120, tolerance: 5, weight: 50, feedback: 'Gần đúng.' },
    ]);
    expect(items[7]!.input?.numbers).toEqual([
      { value: 25, tolerance: 0, weight: 100, feedback: null },
      { value: 25, tolerance: 2, weight: 50, feedback: null },
    ]);
  });

  it('reads short answers with several accepted answers, and a blank inside the sentence', () => {
    expect(items[8]!.input).toMatchObject({
      kind: 'short_answer',
      prompt:
        'Thiết bị dùng để soi khuyết tật bề mặt wafer với độ phóng đại cao là kính hiển vi _____ dùng trong phòng lab.',
      answers: [
        { text: 'điện tử quét', weight: 100 },
        { text: 'SEM', weight: 100 },
        { text: 'quang học', weight: 50 },
      ],
    });
  });

  it('reduces [html] to text: tags and scripts gone, entities decoded', () => {
    expect(items[9]!.input?.prompt).toBe('Ký hiệu hoá học của silic là gì? & viết hoa chữ đầu.');
    expect(items[9]!.input?.prompt).not.toMatch(/<|alert/);
  });

  it('honours escapes in prompts, answers and feedback', () => {
    expect(items[10]!.input).toMatchObject({
      kind: 'short_answer',
      prompt: 'Nhập kí tự đặc biệt: dấu { ngoặc }, ~ ngã, = bằng, # thăng và : hai chấm.',
      answers: [{ text: 'a=b', weight: 100, feedback: 'Đúng # tuyệt' }],
    });
  });

  it('keeps Japanese text as it is', () => {
    expect(items[11]!.input).toMatchObject({
      kind: 'single',
      prompt: '日本語の質問：クリーンルームの「クリーン」は何を意味しますか？',
      choices: [{ text: 'ほこりが少ない', weight: 100 }, { text: '明るい' }, { text: '広い' }],
    });
  });

  it('refuses matching, essay, description-only and broken questions one by one', () => {
    expect(items.slice(12).map((i) => [i.input, i.issue?.key, i.prompt])).toEqual([
      [null, 'gift.matching', 'Ghép thiết bị với chức năng.'],
      [null, 'gift.essay', 'Mô tả quy trình vào phòng sạch của bạn.'],
      [null, 'gift.noAnswers', 'Đây chỉ là một đoạn mô tả, không có câu hỏi.'],
      [null, 'gift.unclosed', 'Câu hỏi thiếu dấu đóng'],
    ]);
  });

  it('produces questions that pass the bank rules', () => {
    for (const item of items.filter((i) => i.input)) {
      const checked = checkQuestion(item.input!);
      expect(checked.ok, `question ${item.index}`).toBe(true);
    }
  });
});

describe('GIFT: details', () => {
  it('uses the default category until a $CATEGORY line, and strips $course$/top/', () => {
    const items = parseGift(
      'A? {T}\n\n$CATEGORY: $course$/top/Nhật ngữ/N4\n\nB? {F}\n\n$CATEGORY:\n\nC? {T}',
      {
        category: 'Chung',
      },
    );
    expect(items.map((i) => i.category)).toEqual(['Chung', 'Nhật ngữ/N4', null]);
  });

  it('accepts Windows line endings, a BOM and comment lines inside a question', () => {
    const items = parseGift(
      '\ufeff// đầu tệp\r\n::T1::Câu một\r\n// chú thích\r\n{=a ~b}\r\n\r\nCâu hai {FALSE}\r\n',
    );
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ line: 2, title: 'T1', input: { kind: 'single', prompt: 'Câu một' } });
    expect(items[1]).toMatchObject({ line: 6, input: { kind: 'true_false', correct: false } });
  });

  it('keeps the lines of a multi-line prompt and \\n escapes', () => {
    const [q] = parseGift('Dòng một\nDòng hai\\ndòng ba\n{=x}');
    expect(q!.input?.prompt).toBe('Dòng một\nDòng hai\ndòng ba');
  });

  it('treats several = with ~ as single choice with several right options (as Moodle does)', () => {
    const [q] = parseGift('Chọn số chẵn {=2 =4 ~3}');
    expect(q!.input).toMatchObject({
      kind: 'single',
      choices: [
        { text: '2', weight: 100 },
        { text: '4', weight: 100 },
        { text: '3', weight: 0 },
      ],
    });
  });

  it('treats a lone =answer as short answer, and partial-credit single choice', () => {
    expect(parseGift('Thủ đô? {=Hà Nội}')[0]!.input).toMatchObject({
      kind: 'short_answer',
      answers: [{ text: 'Hà Nội', weight: 100 }],
    });
    expect(parseGift('Gần đúng? {=đúng ~%50%gần đúng ~sai}')[0]!.input).toMatchObject({
      kind: 'single',
      choices: [{ weight: 100 }, { weight: 50 }, { weight: 0 }],
    });
  });

  it('reports the construct that is wrong', () => {
    const cases: [string, string][] = [
      ['Câu {~a ~b}', 'gift.noCorrect'],
      ['Câu {~%150%a ~b}', 'gift.badWeight'],
      ['Câu {#abc}', 'gift.badNumber'],
      ['Câu {#5:-1}', 'gift.badNumber'],
      ['Câu {= ~b}', 'gift.emptyAnswer'],
      ['Câu {a =b}', 'gift.badAnswers'],
      ['Câu {=a} và {=b}', 'gift.severalBlocks'],
      ['::Tiêu đề Câu {=a}', 'gift.badTitle'],
      ['{=a}', 'gift.emptyPrompt'],
      ['Câu {####chỉ có nhận xét}', 'gift.essay'],
    ];
    for (const [text, key] of cases) expect(parseGift(text)[0]!.issue?.key, text).toBe(key);
  });

  it('turns multiple answers whose weights do not add up into a rule error of the bank', () => {
    const [q] = parseGift('Chọn {~%50%a ~%30%b ~c}');
    const checked = checkQuestion(q!.input!);
    expect(checked).toEqual({ ok: false, issues: [{ path: '/choices', key: 'quiz.weightsSum' }] });
  });

  it('never reads private-use characters as escapes', () => {
    const [q] = parseGift('A\ue000B {=x}');
    expect(q!.input?.prompt).toBe('AB');
  });

  it('answers an empty file with no questions', () => {
    expect(parseGift('// chỉ có chú thích\n\n   \n')).toEqual([]);
  });
});
