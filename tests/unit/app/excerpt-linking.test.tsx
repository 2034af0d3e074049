// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { USER_EXCERPTS_KEY } from '../../../src/features/articles/api/user-excerpts.ts';
import { ExcerptPanel, type ExcerptPanelProps } from '../../../src/features/articles/components/excerpt-panel.tsx';
import { ARTICLE_CATALOG } from '../../../src/features/articles/api/article-catalog.ts';
import { EVENT_CATALOG } from '../../../src/features/events/api/event-catalog.ts';
import { findDefaultCase, renderApp } from './helpers/render-app.tsx';

const excerptButton = (id: string) => document.querySelector<HTMLButtonElement>(`button.excerpt[data-excerpt-id="${id}"]`);
const marker = (eventId: string) => document.querySelector(`#price-chart [data-testid="event-marker-${eventId}"]`);
const eventItem = (eventId: string) => document.querySelector(`.event-picker li[data-event-id="${eventId}"]`);

describe('excerpt → chart linking in the app', () => {
  it("selecting an excerpt highlights its event's marker and its event in the list; selecting it again clears both", async () => {
    const user = userEvent.setup();
    renderApp();
    await findDefaultCase();
    expect(marker('us-election-2024')).toHaveAttribute('data-highlighted', 'false');

    const button = excerptButton('markets-ihi-mhi-gains');
    if (!button) throw new Error('the IHI/MHI gains excerpt is not listed');
    await user.click(button);
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(marker('us-election-2024')).toHaveAttribute('data-highlighted', 'true');
    // The Ishiba–Trump call falls on day +1 of the election window, but neither the study nor this excerpt has it: no line for it.
    expect(marker('ishiba-trump-call-2024')).toBeNull();
    expect(eventItem('us-election-2024')).toHaveAttribute('data-highlighted', 'true');

    await user.click(button);
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(marker('us-election-2024')).toHaveAttribute('data-highlighted', 'false');
  });

  it("brings forward only the excerpt's securities, and the excerpt list is usable from the keyboard", async () => {
    const user = userEvent.setup();
    renderApp();
    await findDefaultCase();
    await user.type(screen.getByLabelText('Excerpt'), 'IHI alone rallied on the result.');
    const form = screen.getByRole('form', { name: 'Add your own excerpt' });
    await user.click(within(within(form).getByRole('group', { name: 'Events it speaks of' })).getByRole('checkbox', { name: /US presidential election/ }));
    await user.click(within(within(form).getByRole('group', { name: 'Securities it speaks of' })).getByRole('checkbox', { name: /7013.T/ }));
    await user.click(within(form).getByRole('button', { name: 'Add excerpt' }));

    const added = excerptButton('user-1');
    if (!added) throw new Error('the added excerpt is not listed');
    added.focus();
    await user.keyboard('{Enter}');
    expect(added).toHaveAttribute('aria-pressed', 'true');
    expect(document.querySelector('.small-multiple[data-unit="us-election-2024:7013.T"]')).toHaveAttribute('data-emphasis', 'strong');
    expect(document.querySelector('.small-multiple[data-unit="us-election-2024:7011.T"]')).toHaveAttribute('data-emphasis', 'faint');
  });

  it('lists the excerpts of the events in the study, and every excerpt on request', async () => {
    const user = userEvent.setup();
    renderApp();
    await findDefaultCase();
    // challenges-styles speaks only of the Ishiba–Trump call, which is not in the default study.
    expect(excerptButton('challenges-styles')).toBeNull();
    expect(excerptButton('markets-kim-budget')).not.toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /Show every excerpt/ }));
    expect(excerptButton('challenges-styles')).not.toBeNull();
  });
});

describe('user excerpts', () => {
  it('renders markup typed by a user as text, never as HTML, and keeps it across a reload', async () => {
    const user = userEvent.setup();
    const hostile = '<img src=x onerror="window.hacked=1"> <a href="javascript:alert(1)">click</a>';
    const first = renderApp();
    await user.type(screen.getByLabelText('Excerpt'), hostile);
    await user.type(screen.getByLabelText('Source (article, outlet, date)'), 'javascript:alert(2)');
    await user.click(screen.getByRole('button', { name: 'Add excerpt' }));

    const card = excerptButton('user-1');
    expect(card).toHaveTextContent(hostile);
    expect(card?.querySelector('img, a')).toBeNull();
    expect(document.querySelector('.excerpts a')).toBeNull();
    expect(JSON.parse(window.localStorage.getItem(USER_EXCERPTS_KEY) ?? '[]')).toEqual([
      { id: 'user-1', text: hostile, source: 'javascript:alert(2)', events: [], securities: [] },
    ]);

    first.unmount();
    renderApp();
    expect(excerptButton('user-1')).toHaveTextContent(hostile);
    await user.click(screen.getByRole('button', { name: 'Remove this excerpt' }));
    expect(excerptButton('user-1')).toBeNull();
    expect(window.localStorage.getItem(USER_EXCERPTS_KEY)).toBe('[]');
  });

  it('says so when the stored excerpts are damaged instead of failing', () => {
    window.localStorage.setItem(USER_EXCERPTS_KEY, '{"not": "a list"');
    renderApp();
    expect(screen.getByText(/Your saved excerpts could not be read/)).toHaveAttribute('role', 'alert');
  });

  it('refuses an empty excerpt with a message', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'Add excerpt' }));
    expect(screen.getByText('Write the excerpt text first.')).toHaveAttribute('role', 'alert');
    expect(screen.getByLabelText('Excerpt')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('chart day → excerpts, in the panel', () => {
  const baseProps: ExcerptPanelProps = {
    articles: ARTICLE_CATALOG.articles,
    articleProblems: [],
    userExcerpts: [],
    storageProblem: null,
    events: EVENT_CATALOG.events,
    studyEventIds: ['us-election-2024'],
    securityNames: new Map([['7013.T', 'IHI Corporation']]),
    studySecurities: ['7013.T'],
    linkedEventIds: [],
    linkedDayText: null,
    selectedExcerptId: null,
    onSelectExcerpt: () => undefined,
    onAddExcerpt: () => undefined,
    onRemoveExcerpt: () => undefined,
    claimFindings: [],
  };

  it("highlights exactly the excerpts tied to the day's event and says which day it is", () => {
    render(<ExcerptPanel {...baseProps} linkedEventIds={['us-election-2024']} linkedDayText="Day 0, Wed 6 Nov 2024" />);
    const election = EVENT_CATALOG.events.find((event) => event.id === 'us-election-2024');
    const linked = [...document.querySelectorAll('button.excerpt[data-linked="true"]')].map((button) => button.getAttribute('data-excerpt-id'));
    const expected = ARTICLE_CATALOG.articles.flatMap((article) => article.excerpts).filter((excerpt) => excerpt.events.includes('us-election-2024')).map((excerpt) => excerpt.id);
    expect(linked.sort()).toEqual(expected.sort());
    expect(linked.length).toBeGreaterThan(0);
    expect(screen.getByRole('status')).toHaveTextContent(`Day 0, Wed 6 Nov 2024 is day 0 of ${election?.title}; its excerpts are highlighted.`);
  });

  it('highlights nothing on a day that is no event\'s day 0', () => {
    render(<ExcerptPanel {...baseProps} linkedEventIds={[]} linkedDayText="Day +3, Mon 11 Nov 2024" />);
    expect(document.querySelector('button.excerpt[data-linked="true"]')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Day +3, Mon 11 Nov 2024: no event of the case has its day 0 here.');
  });
});
