// The storyline list (#/storylines?page=&entity=&from=&to=): affairs newest first, each with its
// number of developments, articles and dates. Tested by tests/web/storylines.test.js.
import {api} from './api.js';
import {el} from './dom.js';
import {formatDate} from './format.js';
import {storylineHref, storylinesHref} from './links.js';

const PER_PAGE = 20;
const FILTERS = ['entity', 'from', 'to'];
const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function card(line, filters) {
  const first = formatDate(line.first_published);
  const last = formatDate(line.last_published);
  return el('li', {class: 'story-card storyline-card', 'data-storyline': line.id},
    el('a', {class: 'headline', href: storylineHref(line.id)}, line.headline || line.id),
    el('p', {class: 'meta'}, [count(line.stories ?? 0, 'development'), count(line.articles ?? 0, 'article'),
      first === last ? first : [first, last].filter(Boolean).join(' – ')].filter(Boolean).join(' · ')),
    el('p', {class: 'tags'}, (line.entities ?? []).map((name) =>
      el('a', {class: 'tag tag-entity', href: storylinesHref({...filters, entity: name, page: null})}, name))));
}

export async function storylineListView(query) {
  const filters = Object.fromEntries(FILTERS.map((key) => [key, query.get(key) ?? '']));
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  const answer = await api.storylines({...filters, page, per_page: PER_PAGE});
  const lines = answer.storylines ?? [];
  const pages = Math.max(1, Math.ceil((answer.total ?? lines.length) / PER_PAGE));
  return {
    title: 'Storylines',
    node: el('div', {class: 'storyline-list-view'},
      el('h1', {}, 'Storylines'),
      el('p', {class: 'summary'}, 'Each storyline links the developments of one affair, from every outlet that covered them.'),
      lines.length === 0 ? el('p', {class: 'empty'}, 'No storylines match.') :
        el('ol', {class: 'story-list', id: 'storyline-list'}, lines.map((line) => card(line, filters))),
      el('nav', {class: 'pager'},
        page > 1 ? el('a', {href: storylinesHref({...filters, page: page - 1}), rel: 'prev'}, '← Newer') : null,
        el('span', {}, `Page ${page} of ${pages}`),
        page < pages ? el('a', {href: storylinesHref({...filters, page: page + 1}), rel: 'next'}, 'Older →') : null)),
  };
}
