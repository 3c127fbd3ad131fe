import { describe, expect, it } from 'vitest';
import { moveLesson, moveModule, outlineBody, placeLesson } from './reorder';

const outline = () => [
  { id: 'm1', lessons: [{ id: 'a' }, { id: 'b' }] },
  { id: 'm2', lessons: [{ id: 'c' }] },
  { id: 'm3', lessons: [] as { id: string }[] },
];
const ids = (ms: ReturnType<typeof outline> | null) =>
  ms?.map((m) => m.lessons.map((l) => l.id).join('')).join('|');

describe('moveLesson', () => {
  it('swaps within a module', () => {
    expect(ids(moveLesson(outline(), 'b', -1))).toBe('ba|c|');
    expect(ids(moveLesson(outline(), 'a', 1))).toBe('ba|c|');
  });
  it('crosses into the neighbouring module at its near end', () => {
    expect(ids(moveLesson(outline(), 'b', 1))).toBe('a|bc|');
    expect(ids(moveLesson(outline(), 'c', -1))).toBe('abc||');
    expect(ids(moveLesson(outline(), 'c', 1))).toBe('ab||c');
  });
  it('stops at the ends of the course', () => {
    expect(moveLesson(outline(), 'a', -1)).toBeNull();
    expect(moveLesson(outline(), 'zz', 1)).toBeNull();
  });
  it('leaves the input untouched', () => {
    const before = outline();
    moveLesson(before, 'b', 1);
    expect(ids(before)).toBe('ab|c|');
  });
});

describe('placeLesson', () => {
  it('drops before another lesson, in any module', () => {
    expect(ids(placeLesson(outline(), 'c', 'm1', 'a'))).toBe('cab||');
    expect(ids(placeLesson(outline(), 'a', 'm2', 'c'))).toBe('b|ac|');
  });
  it('drops at the end of a module, also an empty one', () => {
    expect(ids(placeLesson(outline(), 'a', 'm3', null))).toBe('b|c|a');
  });
  it('is null when nothing changes', () => {
    expect(placeLesson(outline(), 'a', 'm1', 'b')).toBeNull();
    expect(placeLesson(outline(), 'a', 'm1', 'a')).toBeNull();
  });
});

describe('moveModule and outlineBody', () => {
  it('moves a module and builds the full order for the API', () => {
    const moved = moveModule(outline(), 'm2', -1)!;
    expect(outlineBody(moved)).toEqual({
      modules: [
        { id: 'm2', lessonIds: ['c'] },
        { id: 'm1', lessonIds: ['a', 'b'] },
        { id: 'm3', lessonIds: [] },
      ],
    });
    expect(moveModule(outline(), 'm1', -1)).toBeNull();
  });
});
