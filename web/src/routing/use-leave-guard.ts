import { useEffect } from 'react';
import { holdNavigation } from './use-route';

/**
 * While `unsaved`, asks before the user leaves: closing or reloading the page gets the browser's own
 * question (beforeunload); following a link inside the app (tabs, other stages, the plan list) calls
 * `ask` with the way to go on, so that the app can ask in its own dialog first. So does the browser's back
 * or forward button (or a typed address in the app): the change of address is held — put back before the
 * app's router sees it — until the user chooses to leave.
 */
export function useLeaveGuard(unsaved: boolean, ask: (leave: () => void) => void): void {
  useEffect(() => {
    if (!unsaved) return;
    // Set once the user chose to leave, so that the change of address it makes goes through.
    let leaving = false;
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
        leaving = true;
        window.location.hash = href;
      });
    };
    // Held before the routes follow it: the old address is put back until the user chooses to leave.
    const release = holdNavigation((event) => {
      if (leaving) return false;
      const to = new URL(event.newURL).hash;
      window.history.replaceState(window.history.state, '', event.oldURL);
      ask(() => {
        leaving = true;
        window.location.hash = to;
      });
      return true;
    });
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      release();
      document.removeEventListener('click', onClick, true);
    };
  }, [unsaved, ask]);
}
