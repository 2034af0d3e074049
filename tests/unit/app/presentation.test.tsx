// @vitest-environment jsdom
/**
 * Presentation mode: the deck model of a real study (the engine run on the snapshot bars of the
 * default case) drawn as slides, the keys that move between them, and the dialog driven from the
 * keyboard. What the slides say is tested on the model in tests/unit/application/deck-model.test.ts.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDeckModel } from '../../../src/application/deck-model.ts';
import { PresentationMode } from '../../../src/features/presentation/components/presentation-mode.tsx';
import { moveTo, slideCommand } from '../../../src/features/presentation/utils/slide-keys.ts';
import { deckInputOf } from '../application/helpers/deck-input.ts';

afterEach(cleanup);

const INPUT = deckInputOf('');
const HEADINGS = buildDeckModel(INPUT).slides.map((slide) => slide.heading);

describe('slide keys', () => {
  it('maps the keys of presentation software and clickers to commands', () => {
    expect(['ArrowRight', 'ArrowDown', ' ', 'PageDown'].map(slideCommand)).toEqual(['next', 'next', 'next', 'next']);
    expect(['ArrowLeft', 'ArrowUp', 'PageUp'].map(slideCommand)).toEqual(['previous', 'previous', 'previous']);
    expect(['Home', 'End', 'Escape', 'Enter', 'a'].map(slideCommand)).toEqual(['first', 'last', 'close', null, null]);
  });

  it('stays within the deck', () => {
    expect(moveTo('next', 6, 7)).toBe(6);
    expect(moveTo('previous', 0, 7)).toBe(0);
    expect(moveTo('next', 2, 7)).toBe(3);
    expect(moveTo('last', 0, 7)).toBe(6);
    expect(moveTo('first', 5, 7)).toBe(0);
  });
});

describe('presentation mode', () => {
  const visibleHeading = () => document.querySelector('.slide:not([hidden]) h2')?.textContent;
  const counter = () => document.querySelector('.slide-counter')?.textContent;
  const total = HEADINGS.length;

  function open() {
    const onClose = vi.fn();
    const view = render(<button type="button">Present</button>);
    screen.getByRole('button', { name: 'Present' }).focus();
    view.rerender(
      <>
        <button type="button">Present</button>
        <PresentationMode deck={INPUT} onClose={onClose} />
      </>,
    );
    return { onClose, view };
  }

  it('opens as a modal dialog with focus inside, on the answer slide', () => {
    open();
    const dialog = screen.getByRole('dialog', { name: 'Presentation: US presidential election' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveFocus();
    expect(visibleHeading()).toBe(HEADINGS[0]);
    expect(counter()).toBe(`1 / ${total}`);
    expect(total).toBeGreaterThanOrEqual(6);
  });

  it('draws every slide with its heading, footer and page number, its charts as labelled images and its tables with captions', () => {
    open();
    const slides = [...document.querySelectorAll('.slide')];
    expect(slides.map((slide) => slide.querySelector('h2')?.textContent)).toEqual(HEADINGS);
    for (const [index, slide] of slides.entries()) {
      expect(slide.querySelector('.deck-footer')).toHaveTextContent(`US presidential election (day 0 6 Nov 2024) · Market model · estimation [-250, -11] · event window [-5, +10]${index + 1} / ${total}`);
    }
    const event = slides[1];
    expect(event?.querySelectorAll('svg[role="img"]')).toHaveLength(2);
    expect(event?.querySelector('svg desc')?.textContent).toMatch(/^Line chart of Mitsubishi Heavy Industries, IHI Corporation, TOPIX rebased to 100/);
    // A tick label for every day of the window, and the event's line labelled where it is drawn.
    expect([...(event?.querySelectorAll('svg')[0]?.querySelectorAll('text') ?? [])].map((text) => text.textContent)).toEqual(expect.arrayContaining(['-5', '-1', '0', '+1', '+10', 'US presidential election']));
    expect(event?.querySelector('caption')).toHaveTextContent('Key numbers per security');
    const ihi = [...(event?.querySelectorAll('tbody tr') ?? [])].find((row) => row.textContent?.startsWith('IHI'));
    expect(ihi?.querySelector('td.number .deck-value')?.textContent).toBe('+16.25 %');
    expect(ihi?.querySelector('td.number .deck-detail')?.textContent).toBe('p < 0.001 — significant at 1 %');
    // The answer slide carries the summary's notice where its numbers are.
    expect(slides[0]?.querySelector('[role="note"]')).toHaveTextContent('lies inside the estimation window');
    expect(slides[3]?.querySelector('tbody')).toHaveTextContent('supported');
  });

  it("shapes each chart's drawing to its box, as PowerPoint's chart fills its box: tall beside the group's table, wide over the event's", () => {
    open();
    const aspect = (slide: Element | undefined) => {
      const [, , width, height] = (slide?.querySelector('.deck-chart svg')?.getAttribute('viewBox') ?? '').split(' ').map(Number);
      return (height ?? NaN) / (width ?? NaN);
    };
    const slides = [...document.querySelectorAll('.slide')];
    const group = slides.find((slide) => slide.getAttribute('data-slide')?.startsWith('group-'));
    // The group slide's chart box is half the body wide and the body tall (deck-layout.ts).
    expect(aspect(group)).toBeGreaterThan(0.75);
    expect(aspect(slides[1])).toBeLessThan(0.55);
  });

  it('moves with arrows, Space, Page keys, Home and End, showing one slide at a time', async () => {
    const user = userEvent.setup();
    open();
    const steps: [string, number][] = [
      ['{ArrowRight}', 2],
      [' ', 3],
      ['{PageDown}', 4],
      ['{ArrowDown}', 5],
      ['{ArrowLeft}', 4],
      ['{PageUp}', 3],
      ['{ArrowUp}', 2],
      ['{End}', total],
      ['{ArrowRight}', total],
      ['{Home}', 1],
    ];
    for (const [key, slide] of steps) {
      await user.keyboard(key);
      expect(counter()).toBe(`${slide} / ${total}`);
      expect(visibleHeading()).toBe(HEADINGS[slide - 1]);
      expect(document.querySelectorAll('.slide:not([hidden])')).toHaveLength(1);
    }
  });

  it('keeps Tab inside the dialog, and Space moves one slide even on a focused button', async () => {
    const user = userEvent.setup();
    open();
    const dialog = screen.getByRole('dialog');
    for (let press = 0; press < 8; press += 1) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    screen.getByRole('button', { name: 'Next slide' }).focus();
    await user.keyboard(' ');
    expect(counter()).toBe(`2 / ${total}`);
  });

  it('offers the PowerPoint file of the same deck', () => {
    open();
    expect(screen.getByRole('button', { name: 'Download PowerPoint' })).toBeEnabled();
  });

  it('leaves on Escape and gives focus back to the button that opened it', async () => {
    const user = userEvent.setup();
    const { onClose, view } = open();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    view.rerender(<button type="button">Present</button>);
    expect(screen.getByRole('button', { name: 'Present' })).toHaveFocus();
  });
});
