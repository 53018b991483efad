import { useEffect, useRef } from 'react';

/** True when a keystroke belongs to what the user is typing into, not to the app. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * A single-key shortcut such as `n` for "new customer", ignored while typing or with modifiers held,
 * so it never steals a letter from a form. With `mod`, a Ctrl/Cmd chord such as Ctrl+L instead: a chord
 * types nothing, so it works from inside a field too. Both are ignored while a modal dialog is open.
 */
export function useGlobalShortcut(
  key: string,
  action: () => void,
  enabled = true,
  { mod = false }: { mod?: boolean } = {},
): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== key || event.altKey) return;
      if (mod !== (event.ctrlKey || event.metaKey)) return;
      if (event.defaultPrevented || event.repeat || (!mod && isTyping(event.target))) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key, enabled, mod]);
}
