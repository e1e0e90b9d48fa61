import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUIT_TIMEOUT_MS, QuitHandshake } from '../../src/main/quit';

function setup(options: { windowAlive?: boolean } = {}) {
  vi.useFakeTimers();
  const sent: string[] = [];
  const quit = vi.fn();
  const handshake = new QuitHandshake({
    sendBeforeQuit: () => {
      if (options.windowAlive === false) return false;
      sent.push('app:beforeQuit');
      return true;
    },
    quit,
  });
  const event = () => ({
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  });
  return { handshake, sent, quit, event };
}

describe('QuitHandshake', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds the first before-quit, tells the renderer and quits when it is ready', () => {
    const { handshake, sent, quit, event } = setup();
    const first = event();
    handshake.onBeforeQuit(first);
    expect(first.prevented).toBe(true);
    expect(sent).toEqual(['app:beforeQuit']);
    expect(handshake.state).toBe('waiting');
    expect(quit).not.toHaveBeenCalled();

    expect(handshake.onQuitReady()).toBe(true);
    expect(quit).toHaveBeenCalledTimes(1);
    expect(handshake.state).toBe('quitting');

    // The real quit's own before-quit (and window close) pass through.
    const second = event();
    handshake.onBeforeQuit(second);
    expect(second.prevented).toBe(false);
    const close = event();
    handshake.onWindowClose(close);
    expect(close.prevented).toBe(false);

    // The timer was cleared: no second quit later.
    vi.advanceTimersByTime(QUIT_TIMEOUT_MS * 2);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('waits for the renderer, then quits anyway after 15 s', () => {
    const { handshake, quit, event } = setup();
    handshake.onBeforeQuit(event());
    vi.advanceTimersByTime(QUIT_TIMEOUT_MS - 1);
    expect(quit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(quit).toHaveBeenCalledTimes(1);
    expect(handshake.onQuitReady()).toBe(false); // a late answer does nothing
    expect(quit).toHaveBeenCalledTimes(1);
    expect(QUIT_TIMEOUT_MS).toBe(15_000);
  });

  it('asks the renderer only once while waiting', () => {
    const { handshake, sent, event } = setup();
    handshake.onBeforeQuit(event());
    const again = event();
    handshake.onBeforeQuit(again);
    expect(again.prevented).toBe(true);
    expect(sent).toHaveLength(1);
  });

  it('ignores quitReady when no quit is in progress', () => {
    const { handshake, quit } = setup();
    expect(handshake.onQuitReady()).toBe(false);
    expect(quit).not.toHaveBeenCalled();
  });

  it('quits at once when there is no live window to ask', () => {
    const { handshake, quit, event } = setup({ windowAlive: false });
    const e = event();
    handshake.onBeforeQuit(e);
    expect(quit).toHaveBeenCalledTimes(1);
    expect(handshake.state).toBe('quitting');
  });

  it('turns closing the window into a quit request so the backup runs first', () => {
    const { handshake, quit, event } = setup();
    const close = event();
    handshake.onWindowClose(close);
    expect(close.prevented).toBe(true);
    expect(quit).toHaveBeenCalledTimes(1);
  });
});
