import { DEAL_OUTCOMES, type DealStage } from '../../src-shared/contract';
import type { Backend } from '../backend/createBackend';
import { invalidFields } from '../core/errors';
import { readAmount } from '../imports/values/amounts';
import { call, recordIdArg } from './io';

/**
 * What a person types for a deal (an amount as written on an invoice, a stage by name), read into
 * the contract's values. Refusals name the flag, as the runner prints them: `--value: …`.
 */

const refuse = (flag: string, message: string, code: 'invalid' | 'too_small' = 'invalid') =>
  invalidFields([{ path: flag, code, message }]);

/**
 * `1234.50`, `1,234.50`, `¥1,234.50`, `1234元` in cents, with the currency its symbol names (a bare
 * `$` names none). The import's amount reader, so the CLI reads money as an imported file would.
 */
export function readDealValue(typed: string): { cents: number; currency: string | null } {
  const amount = readAmount(typed);
  if (!amount.ok) throw refuse('value', `"${typed}" is not an amount; write it like 1234.50 or ¥1,234.50`);
  if (amount.cents < 0) throw refuse('value', "A deal's value cannot be negative", 'too_small');
  return { cents: amount.cents, currency: amount.currency };
}

/** `--currency` and a currency symbol in `--value` must agree; either alone decides. */
export function dealCurrency(flag: string | undefined, fromValue: string | null): string | undefined {
  const typed = flag?.trim().toUpperCase();
  if (typed && fromValue && typed !== fromValue) {
    throw refuse('currency', `--value is in ${fromValue} but --currency says ${typed}`);
  }
  return typed || fromValue || undefined;
}

/** A deal's id as typed on the command line: a whole number such as 42. */
export const dealIdArg = (typed: string | undefined): number => recordIdArg(typed, 'deal');

/** The stage's name as the owner sees it in English: their label, else the built-in key. */
export const stageName = (stage: Pick<DealStage, 'key' | 'label' | 'id'>) =>
  stage.label ?? stage.key ?? `#${stage.id}`;

/**
 * The stage a person means by an id, a built-in key (`proposal`) or the owner's label, without
 * regard to case. Won and lost are outcomes, not stages: the refusal says how to close instead.
 */
export function findStage(stages: readonly DealStage[], typed: string, flag: string): DealStage {
  const wanted = typed.trim().toLowerCase();
  if ((DEAL_OUTCOMES as readonly string[]).includes(wanted)) {
    throw refuse(flag, `"${typed}" is how a deal ends, not a stage: use solocrm deals close ID ${wanted}`);
  }
  const found =
    stages.find((stage) => String(stage.id) === wanted) ??
    stages.find((stage) => stage.key === wanted || stage.label?.toLowerCase() === wanted);
  if (!found) {
    throw refuse(flag, `Unknown stage "${typed}"; the stages are ${stages.map(stageName).join(', ')}`);
  }
  return found;
}

export const listStages = (backend: Backend) => call<DealStage[]>(backend, 'dealStages.list', {});
