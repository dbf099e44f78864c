// The story view (#/story/ID): headline, the events table, quotes with attribution warnings, the
// timeline and the story's articles.
import {api} from './api.js';
import {el, folded} from './dom.js';
import {formatDate} from './format.js';
import {articleHref, storiesHref, storylineHref} from './links.js';
import {correctionsList} from './corrections.js';
import {eventsTable} from './events_table.js';
import {quotesSection} from './quotes.js';
import {storyContext} from './story_context.js';
import {timeline} from './timeline.js';
import {articleReason, storyLink} from './why.js';

const ARTICLES_SHOWN = 12;
const QUOTED_ARTICLES = 200;

function articlesList(ctx) {
  return el('div', {class: 'article-list'}, folded((ctx.story.articles ?? []).map((id) => {
    const article = ctx.articles.get(id) ?? {id};
    return el('div', {class: 'article-item'},
      el('a', {href: articleHref(id)}, article.title || id),
      el('span', {class: 'meta'}, [ctx.sourceName(id), article.author, formatDate(article.published)]
        .filter(Boolean).join(' · ')),
      article.duplicate_of ? el('span', {class: 'badge'}, 'reprint') : null);
  }), ARTICLES_SHOWN, 'articles'));
}

// Why each article is in the story (GET /api/stories/{id}/why), in arrival order.
function whyList(why) {
  if (!why) return el('p', {class: 'empty'}, 'The reasons could not be read.');
  return el('ol', {class: 'why-list', id: 'why-list'}, folded((why.articles ?? []).map((a) =>
    el('li', {class: 'why-item', 'data-article': a.id},
      el('a', {href: articleHref(a.id)}, a.title || a.id), ' ', el('span', {class: 'meta'}, a.outlet ?? ''), el('br'),
      articleReason(a.why, why.story))), ARTICLES_SHOWN, 'articles'));
}

const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function section(title, id, ...content) {
  return el('section', {class: 'panel', id}, el('h2', {}, title), content);
}

export async function storyView(id) {
  const ctx = storyContext(await api.story(id));
  const why = await api.storyWhy(id).catch(() => null);
  // Quotes live with their articles; an article that cannot be read leaves its quotes out. A story
  // of thousands of articles would mean thousands of requests: the quotes come from the first few.
  const quoted = (ctx.story.articles ?? []).slice(0, QUOTED_ARTICLES);
  const articles = await Promise.all(quoted.map((articleId) => api.article(articleId).catch(() => null)));
  // Versions of its articles and what each changed; a store without them answers an empty list.
  const corrections = (await api.corrections(id).catch(() => null))?.corrections ?? [];
  const conflicts = (ctx.story.conflicts ?? []).length;
  const issues = (ctx.story.attribution_issues ?? []).length;
  return {
    title: ctx.story.headline || 'Story',
    node: el('div', {class: 'story', 'data-story': ctx.story.id},
      el('nav', {class: 'crumbs'}, el('a', {href: storiesHref()}, '← All stories')),
      el('h1', {}, ctx.story.headline || ctx.story.id),
      el('p', {class: 'summary'},
        `${count((ctx.story.articles ?? []).length, 'article')} from ${count(ctx.outletTotal, 'outlet')} · `,
        `${count((ctx.story.events ?? []).length, 'event')} · `,
        el('span', {class: conflicts ? 'count-conflict' : ''}, count(conflicts, 'conflict')),
        ' · ',
        el('span', {class: issues ? 'count-warning' : ''}, count(issues, 'attribution warning'))),
      ctx.story.storyline ? el('p', {class: 'storyline-line', id: 'storyline-line'}, 'Part of ',
        el('a', {href: storylineHref(ctx.story.storyline)}, `storyline ${ctx.story.storyline}`), ': ', storyLink(why?.link)) : null,
      section('Events', 'events', eventsTable(ctx)),
      corrections.length ? section('Corrections', 'corrections', correctionsList(ctx, corrections)) : null,
      el('div', {class: 'columns'},
        section('Quotes and attribution', 'quotes', quotesSection(ctx, articles),
          quoted.length < (ctx.story.articles ?? []).length
            ? el('p', {class: 'notice'}, `Quotes from the first ${quoted.length} articles.`) : null),
        el('div', {},
          section('Timeline', 'timeline-panel', timeline(ctx)),
          section('Articles', 'articles', articlesList(ctx)))),
      section('Why these articles', 'why', whyList(why))),
  };
}
