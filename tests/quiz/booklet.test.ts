/**
 * The explanations booklet numbers each question where it first appears in
 * the class's copies. It stops looking once every question a copy can hold
 * is numbered (ClassDraw.drawable): the booklet must be the one a look at
 * every copy gives, and under vary: order only the first copy is drawn.
 */
import { describe, expect, it } from 'vitest';
import { classDraw } from '../../src/quiz/draw.js';
import type { Student } from '../../src/quiz/copy.js';
import { bookletOf } from '../../src/render/explanations.js';
import { blueprint, bundled } from './fixtures.js';

const students: Student[] = Array.from({ length: 80 }, (_, i) => ({
  id: `s${i}`,
  name: `Student ${i}`,
  extra: [],
  row: i + 2,
}));

const sections = `sections:
  - title: Choice
    pick: 4
    from: { types: [single] }
  - title: True or false
    pick: 3
    from: { types: [true-false] }
`;

async function booklets(vary: 'order' | 'questions') {
  const content = await bundled();
  const draw = classDraw(content.bank.questions, blueprint(`vary: ${vary}\n${sections}`), 3);
  let drawn = 0;
  const order = (i: number) => {
    drawn++;
    return draw.order(students[i]!).flat();
  };
  const copy = (i: number) => draw.copy(students[i]!);
  const stopping = bookletOf(students.length, order, copy, draw.drawable);
  const looked = drawn;
  const everyCopy = bookletOf(students.length, order, copy);
  const ids = (b: typeof stopping) => b.items.map((item) => item.question.id);
  return { draw, stopping, everyCopy, looked, ids };
}

describe('the explanations booklet', () => {
  it('under vary: order, is numbered from the first copy alone', async () => {
    const { draw, stopping, everyCopy, looked, ids } = await booklets('order');
    expect(draw.drawable).toBe(7);
    expect(looked).toBe(1);
    expect([...stopping.numbers]).toEqual([...everyCopy.numbers]);
    expect(ids(stopping)).toEqual(ids(everyCopy));
  });

  it('under vary: questions, is the booklet every copy gives, questions the first copy lacks included', async () => {
    const { draw, stopping, everyCopy, looked, ids } = await booklets('questions');
    expect(draw.drawable).toBeGreaterThan(7);
    expect(stopping.numbers.size).toBeGreaterThan(7);
    expect(looked).toBeGreaterThan(1);
    expect([...stopping.numbers]).toEqual([...everyCopy.numbers]);
    expect(ids(stopping)).toEqual(ids(everyCopy));
  });
});
