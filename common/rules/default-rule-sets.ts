// The numbers of docs/rules.md as effective-dated rule-set versions (architecture principle 7): a record is judged by
// the version in force on its event date (paramsInForce), and an administrator adds a version without a code change.
// Admission and recognition (R-ADM, R-REC). Where rules.md cites a current text, the earlier version carries the
// predecessor's text so that cases started before it are still judged; "(U)" marks a predecessor not read, whose
// number is assumed unchanged.
import type { ApplicationOrderParams, AdmissionAgeParams, CertificateParams, EducationParams, IntroducerParams, ReadmissionParams, VerificationParams } from './admission-rules.ts';
import { EDUCATION_EXCEPTION_GROUNDS } from './admission-rules.ts';
import type {
  CeremonyDeadlineParams,
  DecisionDeadlineParams,
  HistoryDeadlineParams,
  ProbationParams,
} from './admission-deadlines.ts';
import type { ThresholdParams } from './admission-vote.ts';
import type { IsoDate } from './iso-date.ts';
import type { ProbationaryDisciplineParams, RecognitionVoteParams } from './recognition-rules.ts';
import type { RuleSetVersion } from './rule-check.ts';

/** Điều lệ Đảng, adopted by the 11th Congress on 19/1/2011. */
const CHARTER_2011: IsoDate = '2011-01-19';
/** Quy định 29-QĐ/TW (25/7/2016) on implementing the charter, and its Hướng dẫn 01-HD/TW (2016). */
const QD_29_2016: IsoDate = '2016-07-25';
/** Quy định 232-QĐ/TW (20/1/2025), effective on signing. */
const QD_232_2025: IsoDate = '2025-01-20';
/** Hướng dẫn 06-HD/TW (9/6/2025). */
const HD_06_2025: IsoDate = '2025-06-09';
/** Quy định 294-QĐ/TW (26/5/2025), effective 1/7/2025. */
const QD_294_2025: IsoDate = '2025-07-01';

type NoParams = Record<string, never>;

function versions<P extends object>(ruleId: string, params: P, dated: readonly (readonly [IsoDate, string])[]): RuleSetVersion[] {
  return dated.map(([effectiveFrom, source]) => ({ ruleId, effectiveFrom, params: { ...params } as Record<string, unknown>, source }));
}

const TWO_THIRDS: ThresholdParams['threshold'] = [2, 3];

export const ADMISSION_RULE_SETS: RuleSetVersion[] = [
  ...versions<AdmissionAgeParams>('R-ADM-01', { minMonths: 216, maxMonths: 720 }, [
    [QD_29_2016, 'Quy định 29-QĐ/TW (25/7/2016) §1.1; the same in 24-QĐ/TW (30/7/2021) §1.1.1'],
    [QD_294_2025, 'Quy định 294-QĐ/TW (26/5/2025) §1.1.1; 232-QĐ/TW §1.1'],
  ]),
  ...versions<NoParams>('R-ADM-02', {}, [
    [QD_29_2016, 'Hướng dẫn 01-HD/TW §1.1 (V-old); Quy định 24-QĐ/TW (2021) §1.1.2'],
  ]),
  ...versions<EducationParams>(
    'R-ADM-03',
    { minLevel: 'lower_secondary', exceptionMinLevel: 'primary', exceptionGrounds: [...EDUCATION_EXCEPTION_GROUNDS] },
    [
      [QD_29_2016, 'Quy định 24-QĐ/TW (2021) §1.2 and predecessors; the primary-school exception assumed the same (U)'],
      [QD_294_2025, 'Quy định 294-QĐ/TW (26/5/2025) §1.2.1; 232-QĐ/TW §1.2.1'],
    ],
  ),
  ...versions<CertificateParams>('R-ADM-04', { certificateValidityMonths: 60 }, [
    [QD_29_2016, 'Hướng dẫn 01-HD/TW (2016, 2021): 60 months assumed the same (U)'],
    [HD_06_2025, 'Hướng dẫn 06-HD/TW (9/6/2025) §5.4 (S)'],
  ]),
  ...versions<ApplicationOrderParams>('R-ADM-05', { sameDayAllowed: true }, [
    [QD_29_2016, 'Hướng dẫn 01-HD/TW (2016, 2021): assumed the same (U); the same day allowed (U)'],
    [HD_06_2025, 'Hướng dẫn 06-HD/TW (9/6/2025) §3 (S); the same day allowed (U)'],
  ]),
  ...versions<IntroducerParams>(
    'R-ADM-06',
    {
      introducerMonthsWithApplicant: 12,
      introducersNeeded: 2,
      youthUnionRouteIntroducersNeeded: 1,
      youthMinAgeYears: 16,
      youthMaxAgeYears: 30,
    },
    [
      [
        CHARTER_2011,
        'Điều lệ Đảng 2011 Art. 4; Quy định 294-QĐ/TW §3.2.1 (V-old/S); youth age: Luật Thanh niên 2020 Art. 1 (from full 16 to 30; Luật Thanh niên 2005 the same)',
      ],
    ],
  ),
  ...versions<VerificationParams>('R-ADM-07', { adultAgeYears: 18 }, [
    [QD_29_2016, 'Hướng dẫn 01-HD/TW (2016, 2021): assumed the same (U); adults: Bộ luật Dân sự Art. 20'],
    [HD_06_2025, 'Hướng dẫn 06-HD/TW (9/6/2025) §3.4 (S); Kế hoạch 99-KH/HU II.2; adults: Bộ luật Dân sự 2015 Art. 20'],
  ]),
  ...versions<NoParams>('R-ADM-08', {}, [
    [QD_29_2016, 'Mẫu 5-KNĐ (Hướng dẫn 12-HD/BTCTW 2022 and earlier form sets) (V-old); Kế hoạch 99-KH/HU II.2'],
  ]),
  ...versions<ThresholdParams>('R-ADM-09', { threshold: TWO_THIRDS }, [
    [CHARTER_2011, 'Điều lệ Đảng 2011 Art. 4; Hướng dẫn 06-HD/TW §3.6.b; Quy định 294-QĐ/TW §9.3.2 (S)'],
  ]),
  ...versions<ThresholdParams>('R-ADM-10', { threshold: TWO_THIRDS }, [
    [QD_29_2016, 'Hướng dẫn 01-HD/TW (2016, 2021): assumed the same (U)'],
    [HD_06_2025, 'Hướng dẫn 06-HD/TW (9/6/2025) §3.7.a (S)'],
  ]),
  ...versions<DecisionDeadlineParams>('R-ADM-11', { decisionWorkingDays: 60, maxExtensionWorkingDays: 30, maxExtensions: 1 }, [
    [QD_29_2016, 'Quy định 29-QĐ/TW (25/7/2016) §4.3.1'],
    [QD_232_2025, 'Quy định 232-QĐ/TW (20/1/2025) §4.3.1'],
  ]),
  ...versions<CeremonyDeadlineParams>('R-ADM-12', { ceremonyWorkingDays: 30 }, [
    [QD_29_2016, 'Quy định 29-QĐ/TW (25/7/2016) §4.1; the same in 24-QĐ/TW (2021) §4.1'],
    [QD_294_2025, 'Quy định 294-QĐ/TW (26/5/2025) Art. 5 §4.1 (V/S)'],
  ]),
  ...versions<HistoryDeadlineParams>('R-ADM-13', { historyWorkingDays: 30 }, [
    [QD_29_2016, 'Hướng dẫn 12-HD/BTCTW (2022) §2.2 (S); earlier guidance assumed the same (U)'],
  ]),
  ...versions<NoParams>('R-ADM-14', {}, [
    [QD_29_2016, 'Quy định 29-QĐ/TW (25/7/2016) §4.3.2; Quy định 294-QĐ/TW'],
  ]),
  ...versions<ReadmissionParams>('R-ADM-15', { monthsAfterLeaving: 36, monthsAfterClearedConviction: 60 }, [
    [QD_29_2016, 'Quy định 29-QĐ/TW (25/7/2016) §3.5; the same in 24-QĐ/TW (2021) §3.5 and 232-QĐ/TW (2025) §3.5'],
    [QD_294_2025, 'Quy định 294-QĐ/TW (26/5/2025) §3.5'],
  ]),
  ...versions<ProbationParams>('R-REC-01', { probationMonths: 12 }, [[CHARTER_2011, 'Điều lệ Đảng 2011 Art. 5.1']]),
  ...versions<NoParams>('R-REC-02', {}, [[CHARTER_2011, 'Điều lệ Đảng 2011 Art. 3.4']]),
  ...versions<NoParams>('R-REC-03', {}, [
    [QD_29_2016, 'Hướng dẫn 01-HD/TW (2016, 2021); Hướng dẫn 06-HD/TW (2025) (V-old); Mẫu 9, 10, 11-KNĐ'],
  ]),
  ...versions<RecognitionVoteParams>('R-REC-04', { cellVoteWorkingDays: 30, threshold: TWO_THIRDS, maxVoteRounds: 3 }, [
    [QD_29_2016, 'Quy định 29-QĐ/TW (25/7/2016) §4.2.a, c; the same in 24-QĐ/TW (2021) §4.2; Điều lệ Đảng Art. 5.2'],
    [QD_294_2025, 'Quy định 294-QĐ/TW (26/5/2025) §4.2 (S); Điều lệ Đảng Art. 5.2'],
  ]),
  ...versions<DecisionDeadlineParams>('R-REC-05', { decisionWorkingDays: 30, maxExtensionWorkingDays: 30, maxExtensions: 1 }, [
    [QD_29_2016, 'Quy định 29-QĐ/TW (25/7/2016) §4.3.1'],
    [QD_232_2025, 'Quy định 232-QĐ/TW (20/1/2025) §4.3.1'],
  ]),
  ...versions<NoParams>('R-REC-06', {}, [
    [QD_29_2016, 'Quy định 29-QĐ/TW (25/7/2016) §4.2.b; the same in 24-QĐ/TW (2021) §4.2 (V-old)'],
  ]),
  ...versions<NoParams>('R-REC-07', {}, [[CHARTER_2011, 'Điều lệ Đảng 2011 Art. 5.4']]),
  ...versions<ProbationaryDisciplineParams>('R-REC-08', { allowedForms: ['reprimand', 'warning'] }, [
    [CHARTER_2011, 'Điều lệ Đảng 2011 Art. 35; Quy định 69-QĐ/TW (2022) Art. 7'],
  ]),
];
