import { useEffect } from 'react';

/**
 * While `unsaved`, asks before the user leaves: closing or reloading the page gets the browser's own
 * question (beforeunload); following a link inside the app (tabs, other stages, the plan list) calls
 * `ask` with the way to go on, so that the app can ask in its own dialog first.
 */
export function useLeaveGuard(unsaved: boolean, ask: (leave: () => void) => void): void {
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium asks only when returnValue is set.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      // A new tab or window leaves nothing behind.
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== '_self')) return;
      const href = link.getAttribute('href') ?? '';
      if (!href.startsWith('#') || href === window.location.hash) return;
      event.preventDefault();
      ask(() => {
        window.location.hash = href;
      });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [unsaved, ask]);
}
