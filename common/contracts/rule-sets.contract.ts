import { z } from 'zod';
import { CONFIDENCES, EDITABLE_RULE_IDS } from '../rules/rule-set-schemas.ts';
import { ZIsoDate, zRequiredText, zText } from './common.contract.ts';

// Rule-set versions as data (rules.md line 3; architecture principle 7): the numbers of the editable rules, every
// version shipped with the software or added by an administrator, and the one in force today.

export const ZEditableRuleId = z.enum(EDITABLE_RULE_IDS);
export const ZConfidence = z.enum(CONFIDENCES);

export const ZRuleSetVersionView = z.object({
  /** null for a version shipped with the software (it lives in code, not in the database). */
  id: z.number().int().nullable(),
  shipped: z.boolean(),
  effectiveFrom: z.string(),
  params: z.record(z.string(), z.unknown()),
  source: z.string(),
  note: z.string().nullable(),
  /** rules.md's confidence of the numbers, read from the source's mark ("(U, configurable)"…); V without a mark. */
  confidence: ZConfidence,
  createdBy: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  createdAt: z.string().nullable(),
  /** The version the rules judge today's events by. */
  inForce: z.boolean(),
});
export type RuleSetVersionView = z.infer<typeof ZRuleSetVersionView>;

export const ZRuleSetView = z.object({
  ruleId: ZEditableRuleId,
  /** Vietnamese title (the web shows its own translated text). */
  title: z.string(),
  /** The source of the latest shipped version: the text the software was built on. */
  shippedSource: z.string(),
  /** Confidence of the version in force today (or of the latest shipped one when none is in force yet). */
  confidence: ZConfidence,
  /** Effective date of the version in force today; null when the rule has no version in force yet. */
  inForceFrom: z.string().nullable(),
  /** Every version, the latest effective date first. */
  versions: z.array(ZRuleSetVersionView),
});
export type RuleSetView = z.infer<typeof ZRuleSetView>;

export const ZRuleSetsResponse = z.object({
  /** The business date "today" was judged on (Vietnam's time zone). */
  today: z.string(),
  rules: z.array(ZRuleSetView),
});
export type RuleSetsResponse = z.infer<typeof ZRuleSetsResponse>;

export const ZAddRuleSetVersion = z.object({
  ruleId: ZEditableRuleId,
  /** Not before today: a new version never rewrites past judgments. */
  effectiveFrom: ZIsoDate,
  /** Checked by the rule's own schema (common/rules/rule-set-schemas.ts); issues come back as `params.<path>`. */
  params: z.record(z.string(), z.unknown()),
  /** The legal document: number, date, issuer, article. Write "(U)" when the number is not verified in the text. */
  source: zRequiredText(500),
  note: zText(2000),
});
export type AddRuleSetVersionInput = z.input<typeof ZAddRuleSetVersion>;
export type AddRuleSetVersionBody = z.output<typeof ZAddRuleSetVersion>;
