import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStores } from '../../app/storesContext';
import { useRouteStore } from '../../app/useRouteStore';
import { CloseDealDialog } from './CloseDealDialog';
import { DealDialog } from './DealDialog';
import { NewDealDialog } from './NewDealDialog';
import { useDealEditorStore } from './useDealEditorStore';
import { useDealStagesStore } from './useDealStagesStore';

/**
 * The deal dialogs, mounted once beside the pages so the board, the list, the forecast and a
 * customer's page all open the same ones. The closing dialog stacks over the deal's own.
 */
export function DealDialogs() {
  const { openId, closing, creating } = useDealEditorStore(
    useShallow((s) => ({ openId: s.openId, closing: s.closing, creating: s.creating })),
  );
  const ensureStages = useDealStagesStore((s) => s.ensureLoaded);
  const editor = useAppStores().dealEditor;
  const route = useRouteStore((s) => s.route);
  // Another page (the customer link in a deal, the back button) closes the dialogs of this one.
  useEffect(() => {
    const state = editor.getState();
    state.dismiss();
    state.cancelClose();
    state.cancelNew();
  }, [route, editor]);
  const active = openId !== null || closing !== null || creating !== null;
  useEffect(() => {
    if (active) void ensureStages();
  }, [active, ensureStages]);
  return (
    <>
      {openId !== null ? <DealDialog /> : null}
      {creating ? <NewDealDialog seed={creating} /> : null}
      {closing ? (
        <CloseDealDialog key={closing.deal.id} deal={closing.deal} outcome={closing.outcome} />
      ) : null}
    </>
  );
}
