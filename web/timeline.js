// The story's timeline: when each article was published and the dates its events carry, in time
// order; undated articles are listed after it.
import {el, folded} from './dom.js';
import {dateSortKey, formatDate, formatStatus, words} from './format.js';
import {articleHref} from './links.js';

function eventDates(event) {
  const dates = [];
  for (const [name, role] of Object.entries(event.roles ?? {})) {
    if (role && typeof role === 'object' && role.grain && role.value) dates.push({name, value: String(role.value)});
  }
  return dates;
}

// One line per dated thing: {date, kind: 'article' | 'event', content}.
function datedLines(ctx) {
  const lines = [];
  for (const id of ctx.story.articles ?? []) {
    const article = ctx.articles.get(id);
    if (!article?.published) continue;
    lines.push({date: article.published, kind: 'article', content: [
      el('span', {class: 'timeline-kind'}, 'published'), ' ',
      el('a', {href: articleHref(id)}, ctx.sourceName(id)), article.title ? `: ${article.title}` : '',
      article.published_inferred ? el('span', {class: 'badge', title: 'dated from the events other outlets date'},
        'date inferred') : null]});
  }
  for (const event of ctx.story.events ?? []) {
    for (const date of eventDates(event)) {
      lines.push({date: date.value, kind: 'event', content: [
        el('span', {class: 'timeline-kind'}, date.name === 'date' ? 'event' : words(date.name)), ' ',
        `${words(event.type)} (${formatStatus(event.status)})`]});
    }
  }
  return lines.sort((a, b) => dateSortKey(a.date).localeCompare(dateSortKey(b.date)) || a.kind.localeCompare(b.kind));
}

const LINES_PER_DATE = 6;

export function timeline(ctx) {
  const byDate = new Map();  // in time order, as the lines are sorted
  for (const line of datedLines(ctx)) {
    if (!byDate.has(line.date)) byDate.set(line.date, []);
    byDate.get(line.date).push(line);
  }
  const undated = (ctx.story.articles ?? []).filter((id) => !ctx.articles.get(id)?.published);
  return el('div', {class: 'timeline-wrap'},
    byDate.size === 0 ? el('p', {class: 'empty'}, 'Nothing in this story is dated.') :
      el('ol', {class: 'timeline', id: 'timeline'}, [...byDate].map(([date, lines]) =>
        el('li', {class: lines.some((line) => line.kind === 'event') ? 'timeline-event' : 'timeline-article'},
          el('time', {datetime: date}, formatDate(date)),
          folded(lines.map((line) => el('div', {class: `timeline-line timeline-${line.kind}`}, line.content)),
            LINES_PER_DATE, 'on this date')))),
    undated.length === 0 ? null : el('p', {class: 'undated'}, 'Undated: ',
      undated.map((id, index) => [index ? ', ' : '', el('a', {href: articleHref(id)}, ctx.sourceName(id))])));
}
