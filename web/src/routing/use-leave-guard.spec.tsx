import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLeaveGuard } from './use-leave-guard';
import { useRoute } from './use-route';

const PLAN = '0d4c6a3e-8f1b-4c2a-9e7d-5b6a7c8d9e0f';

/** What a route shows: the page, or the plan's tab. */
function Where() {
  const route = useRoute();
  return <p>{route.page === 'plan' ? route.tab : route.page}</p>;
}

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

  it('holds a change of address that is no link (back, forward, a typed address) until the user chooses to leave', async () => {
    const ask = vi.fn<(leave: () => void) => void>();
    render(
      <>
        <Where />
        <Where />
        <Page unsaved ask={ask} />
      </>,
    );
    expect(screen.getAllByText('plans')).toHaveLength(2);
    const before = window.location.href;
    act(() => {
      window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL: before, newURL: `${before.split('#')[0]}#/plans/${PLAN}/map` }));
    });
    // Asked once, however many routes listen; none of them moved, and the address is the old one.
    expect(ask).toHaveBeenCalledTimes(1);
    expect(screen.getAllByText('plans')).toHaveLength(2);
    expect(window.location.href).toBe(before);
    act(() => ask.mock.calls[0][0]());
    expect(await screen.findAllByText('map')).toHaveLength(2);
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
