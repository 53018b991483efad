import type { Deal } from '../../../src-shared/contract';
import { useDealEditorStore } from './useDealEditorStore';

/** A deal in a short list (a customer's deals, the stale ones): its title opens it, the facts follow. */
export function DealLink({ deal, facts }: { deal: Pick<Deal, 'id' | 'title'>; facts: string }) {
  const open = useDealEditorStore((s) => s.open);
  return (
    <li>
      <button type="button" className="link-button" onClick={() => void open(deal.id)}>
        {deal.title}
      </button>
      <span className="muted"> {facts}</span>
    </li>
  );
}
