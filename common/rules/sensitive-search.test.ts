import { describe, expect, it } from 'vitest';
import { hasDigits, mayCarryCitizenId } from './sensitive-search.ts';

// security.md item 25: a citizen id never travels in a URL.
describe('mayCarryCitizenId', () => {
  it('sees a 12-digit citizen id, alone, among words, or written in groups', () => {
    expect(mayCarryCitizenId('068198004217')).toBe(true);
    expect(mayCarryCitizenId('nguyen van an 068198004217')).toBe(true);
    expect(mayCarryCitizenId('068 198 004 217')).toBe(true);
    expect(mayCarryCitizenId('068.198.004.217')).toBe(true);
    expect(mayCarryCitizenId('０６８１９８００４２１７')).toBe(true);
  });

  it('sees a long prefix and the old 9-digit identity card', () => {
    expect(mayCarryCitizenId('068198004')).toBe(true);
    expect(mayCarryCitizenId('241234567')).toBe(true);
  });

  it('lets names, short numbers and 8-digit party card numbers through', () => {
    expect(mayCarryCitizenId('Nguyễn Văn An')).toBe(false);
    expect(mayCarryCitizenId('10000002')).toBe(false);
    expect(mayCarryCitizenId('068 1980')).toBe(false);
    expect(mayCarryCitizenId('1234 5678 90')).toBe(true);
    expect(mayCarryCitizenId('an 1990 binh 2000')).toBe(false);
    expect(mayCarryCitizenId('')).toBe(false);
    expect(mayCarryCitizenId(undefined)).toBe(false);
  });
});

describe('hasDigits', () => {
  it('is false for names and true for anything with a digit', () => {
    expect(hasDigits('nguyen van an')).toBe(false);
    expect(hasDigits('Đỗ Thị Bích')).toBe(false);
    expect(hasDigits('10000002')).toBe(true);
    expect(hasDigits('an 0')).toBe(true);
    expect(hasDigits(undefined)).toBe(false);
  });
});
