import { describe, expect, it } from 'vitest';
import { ETHNICITIES, GENDERS, RELIGIONS, findEthnicityByName, isEthnicMinority, isEthnicityCode } from './ethnicities.ts';

describe('ETHNICITIES (Quyết định 121-TCTK/PPCĐ 1979)', () => {
  it('lists 54 groups with the codes 01…54 in order and distinct names', () => {
    expect(ETHNICITIES).toHaveLength(54);
    ETHNICITIES.forEach((e, i) => expect(e.code).toBe(String(i + 1).padStart(2, '0')));
    expect(new Set(ETHNICITIES.map((e) => e.name)).size).toBe(54);
  });

  it('has the official names at sample codes', () => {
    const byCode = Object.fromEntries(ETHNICITIES.map((e) => [e.code, e.name]));
    expect(byCode['01']).toBe('Kinh');
    expect(byCode['08']).toBe('HMông');
    expect(byCode['10']).toBe('Gia-rai');
    expect(byCode['12']).toBe('Ê-đê');
    expect(byCode['13']).toBe('Ba na');
    expect(byCode['20']).toBe('Mnông');
    expect(byCode['54']).toBe('Rơ-măm');
  });
});

describe('isEthnicMinority', () => {
  it('is true for every listed group but Kinh', () => {
    expect(isEthnicMinority('01')).toBe(false);
    expect(ETHNICITIES.filter((e) => isEthnicMinority(e.code))).toHaveLength(53);
    expect(isEthnicMinority('10')).toBe(true);
  });

  it('is false for codes outside the list', () => {
    expect(isEthnicMinority('55')).toBe(false);
    expect(isEthnicMinority('1')).toBe(false);
    expect(isEthnicityCode('00')).toBe(false);
    expect(isEthnicityCode('54')).toBe(true);
  });
});

describe('findEthnicityByName', () => {
  it('matches spelling variants of the official names', () => {
    expect(findEthnicityByName('Ba Na')?.code).toBe('13');
    expect(findEthnicityByName('ê đê')?.code).toBe('12');
    expect(findEthnicityByName('GIA RAI')?.code).toBe('10');
    expect(findEthnicityByName('Khơ me')?.code).toBe('05');
    expect(findEthnicityByName('Xơ Đăng')?.code).toBe('14');
    expect(findEthnicityByName('kinh')?.code).toBe('01');
    expect(findEthnicityByName('Klingon')).toBeNull();
  });

  it('keeps every official name distinct after folding', () => {
    for (const e of ETHNICITIES) expect(findEthnicityByName(e.name)?.code).toBe(e.code);
  });
});

describe('RELIGIONS and GENDERS', () => {
  it('have unique codes and Vietnamese labels', () => {
    expect(RELIGIONS.map((r) => r.code)).toEqual([
      'none', 'buddhism', 'catholicism', 'protestantism', 'caodaism', 'hoa_hao', 'islam', 'other',
    ]);
    expect(RELIGIONS.find((r) => r.code === 'hoa_hao')?.label).toBe('Phật giáo Hòa Hảo');
    expect(GENDERS.map((g) => [g.code, g.label])).toEqual([['male', 'Nam'], ['female', 'Nữ']]);
  });
});
