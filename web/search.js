// Search results (#/search?q=&page=): articles whose text matches, each linked to its article and
// story.
import {api} from './api.js';
import {el} from './dom.js';
import {articleHref, searchHref, storyHref} from './links.js';

export async function searchView(query) {
  const q = query.get('q') ?? '';
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  const answer = q ? await api.search({q, page}) : {results: []};
  document.getElementById('search-input').value = q;  // the header's box keeps the words searched
  const results = answer.results ?? [];
  return {
    title: q ? `Search: ${q}` : 'Search',
    node: el('div', {class: 'search-view'},
      el('h1', {}, q ? `Articles matching “${q}”` : 'Search'),
      results.length === 0 ? el('p', {class: 'empty'}, q ? 'Nothing matches.' : 'Type words to search for.') :
        el('ol', {class: 'search-results'}, results.map((result) => el('li', {},
          el('a', {class: 'headline', href: articleHref(result.article)}, result.title || result.article),
          result.story ? el('a', {class: 'tag', href: storyHref(result.story)}, 'story') : null,
          el('p', {class: 'snippet'}, result.snippet ?? '')))),
      el('nav', {class: 'pager'},
        page > 1 ? el('a', {href: searchHref({q, page: page - 1})}, '← Previous') : null,
        results.length > 0 && answer.total > page * (answer.per_page ?? results.length)
          ? el('a', {href: searchHref({q, page: page + 1})}, 'Next →') : null)),
  };
}
