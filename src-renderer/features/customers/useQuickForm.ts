import { useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { toFieldIssues, type FieldIssue } from '../../../src-shared/contract';
import { toApiError } from '../../api';
import { describeError, describeIssue } from '../../i18n/describe';
import { useT } from '../../i18n/useI18n';

export interface QuickFormSpec<F extends string, S extends z.ZodType> {
  fields: readonly F[];
  initial: Record<F, string>;
  schema: S;
  /**
   * Typed text -> the channel's input. `issues` are for text the schema never sees as typed
   * (an amount becomes cents here, so "12abc" is refused here, at its field).
   */
  build: (values: Record<F, string>) => { input: z.input<S>; issues: FieldIssue[] };
  /** Where an issue's path names another field than the form's (`amountCents` is typed into `amount`). */
  fieldOf?: (path: string) => F | undefined;
  /** A message more precise than the issue code's generic one (an amount says what an amount looks like). */
  describe?: (field: F, issue: FieldIssue) => string | undefined;
  send: (input: z.input<S>) => Promise<unknown>;
  onDone: () => void;
}

/**
 * The small activity forms (conversation, order, feedback): checked with the channel's own schema
 * before sending, server issues shown at their fields after, focus moved to the first bad field.
 */
export function useQuickForm<F extends string, S extends z.ZodType>(spec: QuickFormSpec<F, S>) {
  const t = useT();
  const [values, setValues] = useState(spec.initial);
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const message = (field: F, issue: FieldIssue) => spec.describe?.(field, issue) ?? describeIssue(t, issue);

  const fieldOf = (path: string): F | undefined =>
    spec.fieldOf?.(path) ?? spec.fields.find((field) => field === path.split('.')[0]);

  /** Puts each issue at its field (first one wins); returns the ones no field shows. */
  const place = (issues: FieldIssue[]): FieldIssue[] => {
    const byField: Partial<Record<F, string>> = {};
    const other: FieldIssue[] = [];
    for (const issue of issues) {
      const field = fieldOf(issue.path);
      if (field === undefined) other.push(issue);
      else byField[field] ??= message(field, issue);
    }
    setErrors(byField);
    const first = spec.fields.find((field) => byField[field]);
    const element = first ? formRef.current?.elements.namedItem(first) : null;
    if (element instanceof HTMLElement) element.focus();
    return other;
  };

  const check = (next: Record<F, string>): FieldIssue[] => {
    const { input, issues } = spec.build(next);
    const parsed = spec.schema.safeParse(input);
    return parsed.success ? issues : [...issues, ...toFieldIssues(parsed.error, input)];
  };

  const change = (field: F, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    // A field that shows an error is re-checked as the user fixes it; quiet fields stay quiet.
    if (errors[field]) {
      const still = check(next).find((issue) => fieldOf(issue.path) === field);
      setErrors({ ...errors, [field]: still ? message(field, still) : undefined });
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    const issues = check(values);
    if (issues.length > 0) {
      const other = place(issues);
      if (other[0]) setFormError(describeIssue(t, other[0]));
      return;
    }
    setSaving(true);
    try {
      await spec.send(spec.build(values).input);
      spec.onDone();
    } catch (caught) {
      const error = toApiError(caught);
      setSaving(false);
      const other = place(error.issues);
      setFormError(other[0] ? describeIssue(t, other[0]) : describeError(t, error.code));
    }
  };

  return { values, errors, change, submit, formError, saving, formRef };
}
