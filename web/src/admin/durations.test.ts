import { describe, expect, it } from 'vitest';
import { durationMinutes } from './AdminApp';
import en from '../i18n/en.json';
import es from '../i18n/es.json';

describe('durationMinutes', () => {
  it('reads ISO-8601 durations and seconds', () => {
    expect(durationMinutes('PT2M')).toBe(2);
    expect(durationMinutes('PT24H')).toBe(1440);
    expect(durationMinutes('PT1H30M')).toBe(90);
    expect(durationMinutes(1800)).toBe(30);
    expect(durationMinutes('nonsense')).toBeNaN();
  });
});

/** Every key of one language exists in the other: Spanish is complete, not partly English. */
describe('translations', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
  it('English and Spanish have the same keys', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });
  it('Spanish strings are translated, not copied', () => {
    const flat = (o: object): Record<string, string> =>
      Object.fromEntries(keys(o).map((k) => [k, k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o) as string]));
    const e = flat(en);
    const s = flat(es);
    const same = Object.keys(e).filter((k) => e[k] === s[k] && !/^(app\.name|nurse\.queue\.minutes|nurse\.analytics\.p90)$/.test(k));
    expect(same).toEqual([]);
  });
});
