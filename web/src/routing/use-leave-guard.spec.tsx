import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLeaveGuard } from './use-leave-guard';

function Page({ unsaved, ask }: { unsaved: boolean; ask: (leave: () => void) => void }) {
  useLeaveGuard(unsaved, ask);
  return (
    <>
      <a href="#/plans">Alla planer</a>
      <a href="https://example.org/">Utanför</a>
    </>
  );
}

/** Clicks a link; false when something held the browser from following it. */
const click = (name: string) => fireEvent.click(screen.getByRole('link', { name }));
const beforeUnload = () => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

describe(useLeaveGuard.name, () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('holds an in-app link while there is unsaved work, and follows it when the user chooses to leave', () => {
    const ask = vi.fn<(leave: () => void) => void>();
    render(<Page unsaved ask={ask} />);
    expect(click('Alla planer')).toBe(false);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe('');
    ask.mock.calls[0][0]();
    expect(window.location.hash).toBe('#/plans');
  });

  it('lets the browser ask before the page is closed or reloaded', () => {
    render(<Page unsaved ask={vi.fn()} />);
    expect(beforeUnload()).toBe(true);
  });

  it('leaves links out of the app to the browser', () => {
    const ask = vi.fn();
    render(<Page unsaved ask={ask} />);
    expect(click('Utanför')).toBe(true);
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks nothing when all is saved', () => {
    const ask = vi.fn();
    render(<Page unsaved={false} ask={ask} />);
    expect(click('Alla planer')).toBe(true);
    expect(ask).not.toHaveBeenCalled();
    expect(beforeUnload()).toBe(false);
  });
});
