// The story's timeline: when each article was published and the dates its events carry, in time
// order; undated articles are listed after it.
import {el} from './dom.js';
import {dateSortKey, formatDate, formatStatus, words} from './format.js';
import {articleHref} from './links.js';

function eventDates(event) {
  const dates = [];
  for (const [name, role] of Object.entries(event.roles ?? {})) {
    if (role && typeof role === 'object' && role.grain && role.value) dates.push({name, value: String(role.value)});
  }
  return dates;
}

export function timeline(ctx) {
  const entries = [];
  for (const id of ctx.story.articles ?? []) {
    const article = ctx.articles.get(id);
    if (!article?.published) continue;
    entries.push({date: article.published, kind: 'article', content: [
      el('span', {class: 'timeline-kind'}, 'published'), ' ',
      el('a', {href: articleHref(id)}, ctx.sourceName(id)), article.title ? `: ${article.title}` : '',
      article.published_inferred ? el('span', {class: 'badge', title: 'dated from the events other outlets date'},
        'date inferred') : null]});
  }
  for (const event of ctx.story.events ?? []) {
    for (const date of eventDates(event)) {
      entries.push({date: date.value, kind: 'event', content: [
        el('span', {class: 'timeline-kind'}, date.name === 'date' ? 'event' : words(date.name)), ' ',
        `${words(event.type)} (${formatStatus(event.status)})`]});
    }
  }
  entries.sort((a, b) => dateSortKey(a.date).localeCompare(dateSortKey(b.date)) || a.kind.localeCompare(b.kind));
  const undated = (ctx.story.articles ?? []).filter((id) => !ctx.articles.get(id)?.published);
  return el('div', {class: 'timeline-wrap'},
    entries.length === 0 ? el('p', {class: 'empty'}, 'Nothing in this story is dated.') :
      el('ol', {class: 'timeline', id: 'timeline'}, entries.map((entry) => el('li', {class: `timeline-${entry.kind}`},
        el('time', {datetime: entry.date}, formatDate(entry.date)), el('div', {}, entry.content)))),
    undated.length === 0 ? null : el('p', {class: 'undated'}, 'Undated: ',
      undated.map((id, index) => [index ? ', ' : '', el('a', {href: articleHref(id)}, ctx.sourceName(id))])));
}
