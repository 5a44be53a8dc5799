/**
 * Stands for an object a `beforeAll` hook makes, so a test file can name it once at the top and use it as it
 * is in every test. Reading it before the hook ran (or after its start failed) throws, naming what is missing.
 */
export function madeInBeforeAll<T extends object>(what: string): { stand: T; current: T | null; set(value: T): void } {
  const slot = {
    current: null as T | null,
    set(value: T) {
      slot.current = value;
    },
    stand: new Proxy({} as T, {
      get(_, key) {
        if (!slot.current) throw new Error(`the ${what} is not started: it exists from beforeAll on`);
        const value: unknown = Reflect.get(slot.current, key);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(slot.current) : value;
      },
    }),
  };
  return slot;
}
