// The storyline view (#/storyline/ID): the developments of one affair as a timeline, one entry per
// story in time order with its dates, size and outlets, and why it belongs (the terms it shares with
// the rest, the similarity, the closest other storyline), then what merged into it and when.
// Tested by tests/web/storylines.test.js.
import {api} from './api.js';
import {el} from './dom.js';
import {formatDate, words} from './format.js';
import {storiesHref, storyHref, storylinesHref} from './links.js';
import {storyLink, sharedTerms} from './why.js';

const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function dateRange(first, last) {
  const a = formatDate(first);
  const b = formatDate(last);
  return a === b ? a : [a, b].filter(Boolean).join(' – ');
}

function development(story, index) {
  return el('li', {class: 'development', 'data-story': story.id},
    el('time', {datetime: story.first_published ?? ''}, dateRange(story.first_published, story.last_published) || 'undated'),
    el('div', {class: 'development-body'},
      el('span', {class: 'step'}, `Development ${index + 1}`),
      el('a', {class: 'headline', href: storyHref(story.id)}, story.headline || story.id),
      el('p', {class: 'meta'}, [count(story.articles ?? 0, 'article'), count(story.outlets ?? 0, 'outlet'),
        ...(story.event_types ?? []).map(words)].join(' · ')),
      el('p', {class: 'why-line'}, storyLink(story.link))));
}

const HISTORY_WORDS = {
  story_merged: 'merged story', article_moved: 'moved article', storyline_merged: 'merged storyline',
};

function historyList(history) {
  if (!history?.length) return el('p', {class: 'empty'}, 'No stories or storylines merged into this one.');
  return el('ol', {class: 'history'}, history.map((h) => el('li', {'data-kind': h.kind},
    el('span', {class: 'badge'}, HISTORY_WORDS[h.kind] ?? words(h.kind)), ' ',
    h.article ? `${h.article}: ` : '', `${h.from} → ${h.to}`,
    h.at_article ? ` when ${h.at_article} arrived` : '',
    ` (similarity ${Number(h.similarity ?? 0).toFixed(2)}`, h.shared?.length ? ['; ', sharedTerms(h.shared)] : '', ')')));
}

export async function storylineView(id) {
  const line = await api.storyline(id);
  const stories = line.stories ?? [];
  return {
    title: line.headline || 'Storyline',
    node: el('div', {class: 'storyline', 'data-storyline': line.id},
      el('nav', {class: 'crumbs'}, el('a', {href: storylinesHref()}, '← All storylines'), ' · ',
        el('a', {href: storiesHref()}, 'All stories')),
      el('h1', {}, line.headline || line.id),
      el('p', {class: 'summary'}, [count(stories.length, 'development'), count(line.articles ?? 0, 'article'),
        count(line.outlets ?? 0, 'outlet'), dateRange(line.first_published, line.last_published)].filter(Boolean).join(' · ')),
      el('section', {class: 'panel', id: 'developments'}, el('h2', {}, 'Timeline of developments'),
        el('ol', {class: 'timeline developments', id: 'storyline-timeline'}, stories.map(development))),
      el('section', {class: 'panel', id: 'storyline-history'}, el('h2', {}, 'Merges and moves'), historyList(line.history))),
  };
}
