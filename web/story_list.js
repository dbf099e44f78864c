// The story list (#/stories?page=&entity=&type=&from=&to=): newest first, paged, with filters by
// entity, event type and date range that live in the address so a filtered list can be linked.
import {api} from './api.js';
import {el} from './dom.js';
import {EVENT_TYPES, formatDate, words} from './format.js';
import {storiesHref, storyHref, storylineHref} from './links.js';

const PER_PAGE = 20;
const FILTERS = ['entity', 'type', 'from', 'to'];

function filtersForm(filters) {
  const form = el('form', {class: 'filters', id: 'story-filters'},
    el('label', {}, 'Entity', el('input', {type: 'text', name: 'entity', value: filters.entity ?? '',
      placeholder: 'e.g. a company'})),
    el('label', {}, 'Event type', el('select', {name: 'type'},
      el('option', {value: ''}, 'any'),
      EVENT_TYPES.map((type) => el('option', {value: type, selected: type === filters.type}, words(type))))),
    el('label', {}, 'From', el('input', {type: 'date', name: 'from', value: filters.from ?? ''})),
    el('label', {}, 'To', el('input', {type: 'date', name: 'to', value: filters.to ?? ''})),
    el('button', {type: 'submit'}, 'Filter'),
    el('a', {href: storiesHref(), class: 'reset'}, 'Clear'));
  form.addEventListener('submit', (submitted) => {
    submitted.preventDefault();
    const data = new FormData(form);
    window.location.hash = storiesHref(Object.fromEntries(FILTERS.map((key) => [key, data.get(key)])));
  });
  return form;
}

function dateRange(story) {
  const first = formatDate(story.first_published);
  const last = formatDate(story.last_published);
  return first === last ? first : [first, last].filter(Boolean).join(' – ');
}

function storyCard(story, filters) {
  const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return el('li', {class: 'story-card', 'data-story': story.id},
    el('a', {class: 'headline', href: storyHref(story.id)}, story.headline || story.id),
    el('p', {class: 'meta'}, [count(story.articles ?? 0, 'article'), count(story.outlets ?? 0, 'outlet'),
      dateRange(story)].filter(Boolean).join(' · ')),
    el('p', {class: 'tags'},
      story.storyline ? el('a', {class: 'tag tag-storyline', href: storylineHref(story.storyline)},
        `storyline ${story.storyline}`) : null,
      (story.event_types ?? []).map((type) =>
        el('a', {class: 'tag tag-type', href: storiesHref({...filters, type, page: null})}, words(type))),
      (story.entities ?? []).map((name) =>
        el('a', {class: 'tag tag-entity', href: storiesHref({...filters, entity: name, page: null})}, name))));
}

function pager(page, total, filters) {
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  return el('nav', {class: 'pager'},
    page > 1 ? el('a', {href: storiesHref({...filters, page: page - 1}), rel: 'prev'}, '← Newer') : null,
    el('span', {}, `Page ${page} of ${pages} · ${total} stor${total === 1 ? 'y' : 'ies'}`),
    page < pages ? el('a', {href: storiesHref({...filters, page: page + 1}), rel: 'next'}, 'Older →') : null);
}

export async function storyListView(query) {
  const filters = Object.fromEntries(FILTERS.map((key) => [key, query.get(key) ?? '']));
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  const answer = await api.stories({...filters, page, per_page: PER_PAGE});
  const stories = answer.stories ?? [];
  return {
    title: 'Stories',
    node: el('div', {class: 'story-list-view'},
      el('h1', {}, 'Stories'),
      filtersForm(filters),
      stories.length === 0 ? el('p', {class: 'empty'}, 'No stories match.') :
        el('ol', {class: 'story-list', id: 'story-list'}, stories.map((story) => storyCard(story, filters))),
      pager(answer.page ?? page, answer.total ?? stories.length, filters)),
  };
}
