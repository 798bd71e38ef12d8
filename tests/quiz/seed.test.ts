import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { deriveSeed, random } from '../../src/quiz/seed.js';

describe('random', () => {
  it('derives a lazy seed only when a number is drawn, and then the same numbers', () => {
    let derived = 0;
    const seed = deriveSeed('handout', 'lazy');
    const lazy = random(() => {
      derived++;
      return seed;
    });
    expect(derived).toBe(0);
    const draws = [lazy(), lazy(), lazy()];
    expect(derived).toBe(1);
    const eager = seedrandom(seed);
    expect(draws).toEqual([eager(), eager(), eager()]);
  });
});
