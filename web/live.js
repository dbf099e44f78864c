// Live updates: follows GET /api/stream (Server-Sent Events of new and changed stories, events,
// conflicts and corrections), lists the latest in a panel, re-renders the view when what it shows
// changed, and marks what is new: a story in the list, an article (a new outlet), an event row, a
// role whose value changed, a conflict. EventSource reconnects by itself and sends the last id it
// saw, so nothing is missed across a dropped connection. Tested by tests/web/live.test.js.
import {el} from './dom.js';
import {words} from './format.js';
import {storyHref} from './links.js';

const RECENT = 12;             // changes listed in the panel
const FRESH_MS = 10 * 60000;   // how long a change stays marked new

// story id → what is new in it: {at, articles:Set, rows:Set("type|role"), events:Set(type), conflicts:Set("type|role")}
const fresh = new Map();
const recent = [];

function freshOf(story) {
  if (!fresh.has(story)) {
    fresh.set(story, {at: Date.now(), isNew: false, articles: new Set(), rows: new Set(), events: new Set(),
      conflicts: new Set()});
  }
  const f = fresh.get(story);
  f.at = Date.now();
  return f;
}

function summary(kind, data) {
  switch (kind) {
    case 'story':
      if (data.new) return `New story: ${data.headline || data.story}`;
      if (data.outlets_added?.length) return `${data.headline || data.story}: new outlet ${data.outlets_added.join(', ')}`;
      if (data.articles_added?.length) return `${data.headline || data.story}: ${data.articles_added.length} new article(s)`;
      return `${data.headline || data.story}: updated`;
    case 'event':
      return `${words(data.event?.type ?? 'event')} ${data.change === 'new' ? 'reported' : 'updated'}` +
        ((data.entities ?? []).length ? ` (${data.entities.join(', ')})` : '');
    case 'conflict':
      return `Conflict on ${words(data.type ?? '')} ${words(data.role ?? '')}: ` +
        (data.values ?? []).map((v) => String(v.value)).join(' vs ');
    case 'correction':
      return `Correction to ${data.article} (version ${data.version})`;
    default:
      return kind;
  }
}

function record(kind, data) {
  const f = freshOf(data.story);
  if (kind === 'story') {
    f.isNew = f.isNew || data.new;
    for (const id of data.articles_added ?? []) f.articles.add(id);
  } else if (kind === 'event') {
    f.events.add(data.event?.type);
    const roles = data.change === 'new' ? Object.keys(data.event?.roles ?? {}) : (data.roles_changed ?? []).map((r) => r.role);
    for (const role of roles) f.rows.add(`${data.event?.type}|${role}`);
  } else if (kind === 'conflict') {
    f.conflicts.add(`${data.type}|${data.role}`);
  }
  recent.unshift({kind, story: data.story, text: summary(kind, data), at: new Date()});
  recent.length = Math.min(recent.length, RECENT);
}

function badge(node, text) {
  if (!node || node.classList.contains('is-new')) return;
  node.classList.add('is-new');
  node.append(el('span', {class: 'badge badge-new'}, text));
}

// Marks what is new in the view on screen (called after every render).
function mark() {
  const now = Date.now();
  for (const [story, f] of fresh) {
    if (now - f.at > FRESH_MS) fresh.delete(story);
  }
  for (const card of document.querySelectorAll('.story-card[data-story]')) {
    const f = fresh.get(card.dataset.story);
    if (f) badge(card.querySelector('.headline'), f.isNew ? 'new' : 'updated');
  }
  const storyNode = document.querySelector('.story[data-story]');
  const f = storyNode ? fresh.get(storyNode.dataset.story) : null;
  if (!f) return;
  for (const link of storyNode.querySelectorAll('.article-item a')) {
    const id = decodeURIComponent((link.getAttribute('href') ?? '').replace(/^#\/article\//, '').split('?')[0]);
    if (f.articles.has(id)) badge(link.parentElement, 'new');
  }
  for (const body of storyNode.querySelectorAll('tbody.event[data-type]')) {
    for (const row of body.querySelectorAll('tr[data-role]')) {
      const key = `${body.dataset.type}|${row.dataset.role}`;
      if (f.conflicts.has(key) && row.classList.contains('conflict')) badge(row.querySelector('td.value'), 'new conflict');
      else if (f.rows.has(key)) badge(row.querySelector('td.value'), 'new');
    }
  }
}

function panel() {
  let node = document.getElementById('live-updates');
  if (!node) {
    node = el('aside', {id: 'live-updates', class: 'live-updates', 'aria-live': 'polite'});
    document.body.append(node);
  }
  node.replaceChildren(el('h2', {}, 'Live'), recent.length === 0 ? el('p', {class: 'meta'}, 'Waiting for news…') :
    el('ol', {}, recent.map((r) => el('li', {class: `live-${r.kind}`},
      el('a', {href: storyHref(r.story)}, r.text), el('span', {class: 'meta'}, ` ${r.at.toLocaleTimeString()}`)))));
}

// Whether the view on screen shows `story` (its page, or the first page of the story list).
function shows(story) {
  const hash = window.location.hash.replace(/^#/, '') || '/stories';
  if (hash.startsWith('/story/')) return decodeURIComponent(hash.slice(7).split('?')[0]) === story;
  return hash.startsWith('/stories') && !/[?&]page=(?!1\b)/.test(hash);
}

export function startLive() {
  if (typeof EventSource === 'undefined') return;
  window.addEventListener('corroborate:shown', mark);
  panel();
  const source = new EventSource('/api/stream');
  let pending = null;
  const onMessage = (kind) => (message) => {
    let data;
    try {
      data = JSON.parse(message.data);
    } catch {
      return;
    }
    record(kind, data);
    panel();
    document.body.dataset.liveSeen = String(Number(document.body.dataset.liveSeen ?? 0) + 1);
    if (shows(data.story) && !pending) {
      // Several records of one commit arrive together: one re-render for all of them.
      pending = setTimeout(() => {
        pending = null;
        window.dispatchEvent(new Event('corroborate:refresh'));
      }, 150);
    }
  };
  for (const kind of ['story', 'event', 'conflict', 'correction']) source.addEventListener(kind, onMessage(kind));
  source.addEventListener('reset', () => window.dispatchEvent(new Event('corroborate:refresh')));
  source.addEventListener('open', () => { document.body.dataset.live = 'open'; });
  source.addEventListener('error', () => { document.body.dataset.live = 'reconnecting'; });
}
