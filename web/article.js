// The article view (#/article/ID?start=&end=): the article's cleaned text, always as text, with
// the span in the address (code points: a claim's words, an evidence passage, a quote) highlighted
// in a <mark>, and the facts, passages and quotes it states linked back into it. Tested by tests/web/.
import {api} from './api.js';
import {el, externalLink} from './dom.js';
import {splitAtSpan} from './codepoints.js';
import {formatDate, formatRole, formatStatus, outletName, words} from './format.js';
import {articleHref, storyHref} from './links.js';
import {storyContext} from './story_context.js';
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

const sameSpan = (a, b) => Boolean(a && b) && a.start === b.start && a.end === b.end;

// The value a claim states, worded as the story view words its role ("up to $50 billion"): the
// claim's own value and hedge, with the unit the role gives (currency, kind, date grain).
function claimValue(claim, role) {
  const unit = role !== null && typeof role === 'object' ? role : {};
  return formatRole({...unit, value: claim.value, qualifier: claim.qualifier ?? unit.qualifier,
    value_max: claim.value_max}, claim.qualifier !== undefined, claim.role);
}

// Who else states what a claim states: the settled value's sources, or for a conflicting value,
// that value's sources in the story's conflicts.
function claimSources(story, event, claim) {
  if (claim.settled !== false) return event?.roles?.[claim.role]?.sources ?? [];
  const conflict = (story?.conflicts ?? []).find((c) => c.event === claim.event && c.role === claim.role);
  const value = conflict?.values.find((v) => (v.claims ?? []).some((c) => sameSpan(c, claim) && c.article === claim.article));
  return value?.sources ?? [];
}

// The facts this article states (GET /api/articles/ID "claims"): each value with the words that
// state it (a link that highlights them here), whom the article cites for it, and how many of the
// story's outlets state the same value.
function claimsPanel(articleId, claims, report, shown) {
  if (claims.length === 0) return null;
  const story = report?.stories?.[0] ?? null;
  const ctx = story ? storyContext(report) : null;
  return el('section', {class: 'panel', id: 'claims'}, el('h2', {}, 'Facts stated here'),
    el('ul', {class: 'facts claims'}, claims.map((claim) => {
      const event = (story?.events ?? []).find((e) => e.id === claim.event) ?? null;
      const role = event?.roles?.[claim.role] ?? null;
      const sources = claimSources(story, event, claim);
      const outlets = ctx ? ctx.outletCount(sources) : sources.length;
      return el('li', {class: sameSpan(shown, claim) ? 'claim-item current' : 'claim-item',
        'data-event': claim.event, 'data-role': claim.role, 'data-start': claim.start, 'data-end': claim.end},
        el('a', {class: 'fact-link claim-link', href: articleHref(articleId, claim)},
          `${words(claim.type)} · ${words(claim.role)}`),
        ' ', el('span', {class: 'fact-value'}, claimValue(claim, role)),
        claim.settled === false ? el('span', {class: 'badge badge-conflict'}, 'conflicting value') : null,
        claim.settled !== false && role?.single_source ? el('span', {class: 'badge badge-warn'}, 'single source') : null,
        el('span', {class: 'fact-text'}, `“${shorten(claim.text, 90)}”`),
        el('span', {class: 'fact-meta'}, [
          claim.cited ? el('span', {class: 'cited'}, `citing ${claim.cited}`) : null,
          ctx ? `stated by ${outlets} of ${ctx.outletTotal} outlet${ctx.outletTotal === 1 ? '' : 's'}` : null,
        ].filter(Boolean).flatMap((part, index) => (index ? [' · ', part] : [part]))));
    })));
}

// The passages where this article states the story's events: one link per evidence span.
function passagesPanel(articleId, report, shown) {
  const facts = (report?.stories?.[0]?.events ?? []).flatMap((event) =>
    (event.evidence ?? []).filter((span) => span.article === articleId).map((span) => ({event, span})));
  if (facts.length === 0) return null;
  return el('section', {class: 'panel', id: 'passages'}, el('h2', {}, 'Event passages'),
    el('ul', {class: 'facts'}, facts.map(({event, span}) => el('li',
      {class: sameSpan(shown, span) ? 'current' : ''},
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
  const panels = [claimsPanel(articleId, article.claims ?? [], report, span), passagesPanel(articleId, report, span),
    quotesPanel(articleId, article.quotes ?? []), versionsPanel(versions)].filter(Boolean);
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
