import { BoundedCache } from '../../src/policy/bounded-cache';

describe('BoundedCache', () => {
  test('the size never exceeds the cap, and values after eviction are computed again, the same', () => {
    const cache = new BoundedCache<number, string>(10);
    let computed = 0;
    const square = (n: number) => () => {
      computed++;
      return String(n * n);
    };
    for (let i = 0; i < 1000; i++) {
      expect(cache.get(i % 37, square(i % 37))).toBe(String((i % 37) ** 2));
      expect(cache.size).toBeLessThanOrEqual(10);
    }
    expect(cache.size).toBe(10);
    expect(computed).toBeGreaterThan(37); // evicted keys were computed again
  });

  test('the least recently used entry is the one forgotten', () => {
    const cache = new BoundedCache<string, number>(2);
    let calls = 0;
    const make = () => ++calls;
    cache.get('a', make);
    cache.get('b', make);
    cache.get('a', make); // a is now the most recent
    cache.get('c', make); // forgets b
    expect(cache.get('a', make)).toBe(1);
    expect(cache.get('b', make)).toBe(4);
  });

  test('a cap that is not a positive integer is refused', () => {
    expect(() => new BoundedCache(0)).toThrow(RangeError);
  });
});
