import type { z } from 'zod';
import type { ZPersonFields } from '../../../common/contracts/members.contract.ts';
import { buildSearchText } from '../../../common/rules/normalize-vi.ts';
import { vietnameseSortKey } from '../../../common/rules/vi-name-sort.ts';

// How a person's fields become `persons` columns, and the derived search columns of architecture principle 9.
// One recipe for every module that writes persons or members (people, candidates, transfers, admission), so the
// search index (member_terms) sees the same text whoever wrote the row.

export type PersonFields = z.infer<typeof ZPersonFields>;

export const PERSON_FIELDS = {
  fullName: 'full_name',
  birthName: 'birth_name',
  gender: 'gender',
  birthDate: 'birth_date',
  birthplace: 'birthplace',
  hometown: 'hometown',
  permanentAddress: 'permanent_address',
  temporaryAddress: 'temporary_address',
  ethnicityCode: 'ethnicity_code',
  religionCode: 'religion_code',
  citizenId: 'citizen_id',
  phone: 'phone',
  generalEducation: 'general_education',
  professionalQualification: 'professional_qualification',
  politicalTheory: 'political_theory',
  occupation: 'occupation',
} as const satisfies Record<keyof PersonFields, string>;

type PersonColumns = { -readonly [K in keyof typeof PERSON_FIELDS as (typeof PERSON_FIELDS)[K]]: PersonFields[K] };

export function personValues(input: PersonFields): PersonColumns {
  const out = {} as PersonColumns;
  for (const [field, column] of Object.entries(PERSON_FIELDS)) (out as Record<string, unknown>)[column] = input[field as keyof PersonFields];
  return out;
}

/** persons.search_text holds name and citizen id; members.search_text adds the card number; sort_key is Vietnamese name order. */
export function searchColumns(input: { fullName: string; citizenId: string | null; cardNumber?: string | null }) {
  return {
    personSearchText: buildSearchText([input.fullName, input.citizenId]),
    memberSearchText: buildSearchText([input.fullName, input.citizenId, input.cardNumber ?? null]),
    sortKey: vietnameseSortKey(input.fullName),
  };
}

/** A new `persons` row from the contract's person fields, stamped `at`. */
export function newPersonRow(input: PersonFields, at: string) {
  const search = searchColumns(input);
  return { ...personValues(input), search_text: search.personSearchText, sort_key: search.sortKey, version: 1, created_at: at, updated_at: at };
}
