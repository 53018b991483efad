import type { ReactNode } from 'react';
import type { Settings } from '../../../src-shared/contract';
import { SaveAction } from '../../forms/SaveAction';
import { useSettingsStore } from './useSettingsStore';

interface SettingsCardProps {
  /** The heading's id: it names the card's region, which is how the owner (and the e2e journeys) find it. */
  id: string;
  /** Already translated. */
  title: string;
  /** An already translated line under the heading. */
  intro?: string;
  /** The card's form, given the saved settings; key it by the values it edits so a save starts it afresh. */
  children: (saved: Settings) => ReactNode;
}

/** A card on the settings page that edits saved settings: nothing until they have loaded. */
export function SettingsCard({ id, title, intro, children }: SettingsCardProps) {
  const saved = useSettingsStore((s) => s.settings);
  if (!saved) return null;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {intro ? <p className="muted">{intro}</p> : null}
      {children(saved)}
    </section>
  );
}

/**
 * A settings card's form, ending in Save. No browser validation: the contract's schema checks the
 * values, so each field's own sentence shows under it (useFormErrors).
 */
export function SettingsForm({
  busy,
  onSubmit,
  children,
}: {
  busy: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <SaveAction busy={busy} />
    </form>
  );
}
