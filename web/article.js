// The article view (#/article/ID?start=&end=): the article's cleaned text, always as text, with
// the evidence span (code points) highlighted in a <mark>, and the facts and quotes it states
// linked back into it.
import {api} from './api.js';
import {el, externalLink} from './dom.js';
import {splitAtSpan} from './codepoints.js';
import {formatDate, formatStatus, outletName, words} from './format.js';
import {articleHref, storyHref} from './links.js';
import {versionsPanel} from './corrections.js';

function articleText(text, span) {
  const body = el('div', {class: 'article-text', id: 'article-text'});
  const parts = span ? splitAtSpan(text, span.start, span.end) : null;
  if (parts) body.append(parts.before, el('mark', {id: 'highlight'}, parts.inside), parts.after);
  else body.append(text);
  return body;
}

function spanFrom(query) {
  if (!query.has('start') || !query.has('end')) return null;
  return {start: Number(query.get('start')), end: Number(query.get('end'))};
}

const shorten = (text, length) => {
  const chars = Array.from(String(text ?? ''));  // never cut an emoji in half
  return chars.length <= length ? chars.join('') : `${chars.slice(0, length - 1).join('')}…`;
};

// The story's facts this article states: one link per evidence span, to highlight it here.
function factsPanel(articleId, report, shown) {
  const facts = (report?.stories?.[0]?.events ?? []).flatMap((event) =>
    (event.evidence ?? []).filter((span) => span.article === articleId).map((span) => ({event, span})));
  if (facts.length === 0) return null;
  return el('section', {class: 'panel'}, el('h2', {}, 'Facts stated here'),
    el('ul', {class: 'facts'}, facts.map(({event, span}) => el('li',
      {class: shown && shown.start === span.start && shown.end === span.end ? 'current' : ''},
      el('a', {class: 'fact-link', href: articleHref(articleId, span)}, words(event.type)),
      ` (${formatStatus(event.status)})`, el('span', {class: 'fact-text'}, shorten(span.text, 90))))));
}

function quotesPanel(articleId, quotes) {
  if (quotes.length === 0) return null;
  return el('section', {class: 'panel'}, el('h2', {}, 'Quotes'),
    el('ul', {class: 'quotes'}, quotes.map((quote) => {
      const attribution = [quote.speaker_role, quote.speaker_org].filter(Boolean).join(', ');
      return el('li', {class: 'quote'},
        el('a', {href: articleHref(articleId, quote)}, quote.speaker || 'unattributed'),
        attribution ? ` (${attribution})` : '',
        el('blockquote', {}, quote.text));
    })));
}

export async function articleView(id, query) {
  const article = await api.article(id);
  const articleId = article.id ?? id;
  // The story is only for the facts panel: the article shows without it.
  const report = article.story ? await api.story(article.story).catch(() => null) : null;
  const text = typeof article.text === 'string' ? article.text : '';
  const span = spanFrom(query);
  const body = articleText(text, span);
  const versions = article.version > 1 ? await api.versions(articleId).catch(() => null) : null;
  const panels = [factsPanel(articleId, report, span), quotesPanel(articleId, article.quotes ?? []),
    versionsPanel(versions)].filter(Boolean);
  const meta = [outletName(article), article.author, article.published &&
    `${formatDate(article.published)}${article.published_inferred ? ' (inferred)' : ''}`].filter(Boolean);
  return {
    title: article.title || 'Article',
    node: el('div', {class: 'article-view', 'data-article': articleId},
      el('nav', {class: 'crumbs'}, article.story ? el('a', {href: storyHref(article.story)}, '← Story') : null),
      el('h1', {id: 'article-title'}, article.title || articleId),
      el('p', {class: 'meta'}, meta.join(' · '), article.url ? [' · ', externalLink(article.url)] : null),
      span && !body.querySelector('mark') ? el('p', {class: 'notice'}, 'The highlighted passage lies outside this text.') : null,
      el('div', {class: panels.length ? 'article-columns' : 'article-columns single'},
        body, panels.length ? el('aside', {}, panels) : null)),
    afterShow: () => document.getElementById('highlight')?.scrollIntoView({block: 'center'}),
  };
}
