// Source chips and agreement meters: who states a value, where in their text, whom they cite for
// it, and how many of the story's outlets state it. Tested by tests/web/ (e2e, facts).
import {el} from './dom.js';
import {articleHref} from './links.js';

// One link per source article, to the passage where it states the event (if known).
export function sourceChips(ctx, event, sourceIds) {
  return el('span', {class: 'sources'}, (sourceIds ?? []).map((id) => {
    const span = event ? ctx.evidenceIn(event, id) : null;
    return el('a', {
      class: 'source', href: articleHref(id, span), title: span ? span.text : id, 'data-article': id,
    }, ctx.sourceName(id));
  }));
}

// Whom an article's claims cite, each name once, in order ("Reuters", "people familiar with the matter").
const citedIn = (claims) => [...new Set(claims.map((claim) => claim.cited).filter(Boolean))];

// One chip per source of a value, linking to the words that state it in that article (its first
// claim; the evidence passage when the value has no words there), with whom the article cites for
// it beside the chip ("citing Reuters"), or whom it reprints.
export function claimChips(ctx, event, value) {
  const claims = value?.claims ?? [];
  return el('span', {class: 'sources'}, (value?.sources ?? []).map((id) => {
    const own = claims.filter((claim) => claim.article === id);
    const target = own[0] ?? (event ? ctx.evidenceIn(event, id) : null);
    const cited = citedIn(own);
    const original = ctx.articles.get(id)?.duplicate_of;
    return el('span', {class: 'claim', 'data-article': id},
      el('a', {
        class: own.length ? 'source source-claim' : 'source', href: articleHref(id, target), 'data-article': id,
        title: own.length ? own.map((claim) => `“${claim.text}”`).join(', ') : target?.text ?? id,
      }, ctx.sourceName(id)),
      cited.length ? el('span', {class: 'cited'}, `citing ${cited.join(', ')}`) : null,
      original ? el('span', {class: 'reprint-of'}, `reprints ${ctx.sourceName(original)}`) : null);
  }));
}

// "3 of 4 outlets" with a bar filled in proportion; with `independent` below `agreeing`, also how
// many independent origins those outlets come to ("2 of 4 outlets, 1 independent").
export function agreementMeter(agreeing, total, independent = agreeing) {
  const fill = el('span', {class: 'meter-fill'});
  fill.style.width = `${total > 0 ? Math.round((100 * agreeing) / total) : 0}%`;
  const fewer = Number.isInteger(independent) && independent < agreeing;
  return el('span', {class: 'agreement', title: `${agreeing} of the story's ${total} outlets state this`},
    el('span', {class: 'meter'}, fill),
    el('span', {class: 'agreement-text'}, `${agreeing} of ${total} outlet${total === 1 ? '' : 's'}`,
      fewer ? `, ${independent} independent` : ''));
}
