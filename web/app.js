// The page's router: reads the address after '#', builds the matching view, shows it. A view is an
// async function returning {title, node, afterShow?}; only the latest navigation is shown.
// Views never put data into HTML markup: see lib/dom.js. Tested by tests/web/.
import {el} from './dom.js';
import {searchHref} from './links.js';
import {articleView} from './article.js';
import {eventListView} from './event_list.js';
import {searchView} from './search.js';
import {storyView} from './story.js';
import {storyListView} from './story_list.js';
import {startLive} from './live.js';
import {storylineView} from './storyline.js';
import {storylineListView} from './storyline_list.js';

const ROUTES = [
  [/^\/stories$/, (match, query) => storyListView(query)],
  [/^\/story\/([^/]+)$/, (match) => storyView(decodeURIComponent(match[1]))],
  [/^\/storylines$/, (match, query) => storylineListView(query)],
  [/^\/storyline\/([^/]+)$/, (match) => storylineView(decodeURIComponent(match[1]))],
  [/^\/article\/([^/]+)$/, (match, query) => articleView(decodeURIComponent(match[1]), query)],
  [/^\/events$/, (match, query) => eventListView(query)],
  [/^\/search$/, (match, query) => searchView(query)],
];

const main = document.getElementById('app');
let latest = 0;

function show(state, node, title) {
  main.replaceChildren(node);
  main.dataset.state = state;
  main.dataset.shown = String(Number(main.dataset.shown ?? 0) + 1);  // tells tests a new view is up
  document.title = title ? `${title} · Corroborate` : 'Corroborate';
  window.dispatchEvent(new CustomEvent('corroborate:shown', {detail: {state}}));
}

// `keepPlace`: a live update re-renders the view where the reader is, without jumping to the top.
async function route(keepPlace = false) {
  const hash = window.location.hash.replace(/^#/, '') || '/stories';
  const cut = hash.indexOf('?');
  const path = cut < 0 ? hash : hash.slice(0, cut);
  const query = new URLSearchParams(cut < 0 ? '' : hash.slice(cut + 1));
  const navigation = ++latest;
  main.dataset.state = 'loading';
  main.dataset.route = path.split('/')[1] ?? '';
  try {
    const found = ROUTES.find(([pattern]) => pattern.test(path));
    if (!found) throw new Error(`There is no page at #${path}.`);
    const view = await found[1](path.match(found[0]), query);
    if (navigation !== latest) return;
    const scrolled = window.scrollY;
    show('ready', view.node, view.title);
    window.scrollTo(0, keepPlace === true ? scrolled : 0);
    view.afterShow?.();
  } catch (error) {
    if (navigation !== latest) return;
    show('error', el('div', {class: 'error-view'}, el('h1', {}, 'Something went wrong'),
      el('p', {class: 'error-message'}, error?.message ?? String(error)),
      el('p', {}, el('a', {href: '#/stories'}, 'Back to the stories'))), 'Error');
  }
}

document.getElementById('search-form').addEventListener('submit', (submitted) => {
  submitted.preventDefault();
  const q = document.getElementById('search-input').value.trim();
  if (q) window.location.hash = searchHref({q});
});
window.addEventListener('hashchange', () => route());
window.addEventListener('corroborate:refresh', () => route(true));  // live.js: what is shown changed
route();
startLive();
