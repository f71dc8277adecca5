/**
 * Card warm-up (docs/performance.md): the first commands' cards before the server listens, the
 * others afterwards, step by step, never while a turn runs, and stoppable.
 */
import {
  FIRST_TEMPLATES,
  cardTemplateNames,
  warmUpOtherTemplatesLater,
  warmUpTemplates,
} from '../../src/views/render';

describe('card template warm-up', () => {
  afterEach(() => jest.useRealTimers());

  it('when the first templates are warmed, then each is a template in cards/', () => {
    expect(cardTemplateNames()).toEqual(expect.arrayContaining([...FIRST_TEMPLATES]));
    expect(() => warmUpTemplates(FIRST_TEMPLATES)).not.toThrow();
  });

  it('when the other templates are warmed later, then it takes one step per template and stops by itself', () => {
    jest.useFakeTimers();
    warmUpOtherTemplatesLater();
    const others = cardTemplateNames().length - FIRST_TEMPLATES.length;
    for (let step = 0; step < others; step++) {
      expect(jest.getTimerCount()).toBe(1);
      jest.advanceTimersToNextTimer();
    }
    expect(jest.getTimerCount()).toBe(0);
  });

  it('when turns are running, then the late warm-up waits, and stop leaves no timer behind', () => {
    jest.useFakeTimers();
    let busy = true;
    const stop = warmUpOtherTemplatesLater(() => busy);
    const others = cardTemplateNames().length - FIRST_TEMPLATES.length;
    for (let step = 0; step < others + 5; step++) jest.advanceTimersToNextTimer();
    expect(jest.getTimerCount()).toBe(1); // still waiting: nothing was warmed while busy
    busy = false;
    jest.advanceTimersToNextTimer();
    stop();
    expect(jest.getTimerCount()).toBe(0);
  });
});
