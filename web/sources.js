// Source chips and agreement meters: who states a value, and how many of the story's outlets do.
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

// "3 of 4 outlets" with a bar filled in proportion.
export function agreementMeter(agreeing, total) {
  const fill = el('span', {class: 'meter-fill'});
  fill.style.width = `${total > 0 ? Math.round((100 * agreeing) / total) : 0}%`;
  return el('span', {class: 'agreement', title: `${agreeing} of the story's ${total} outlets state this`},
    el('span', {class: 'meter'}, fill),
    el('span', {class: 'agreement-text'}, `${agreeing} of ${total} outlet${total === 1 ? '' : 's'}`));
}
