// The story's events table: one block of rows per event, one row per role value with its sources
// and how many outlets state it; a role whose sources disagree gets one highlighted row per value.
import {el} from './dom.js';
import {formatRole, formatStatus, words} from './format.js';
import {articleHref} from './links.js';
import {agreementMeter, sourceChips} from './sources.js';

// The rows of one event: status first, then its roles in the report's order, then any role only a
// conflict names.
function roleRows(event, conflictsByRole) {
  const rows = [{name: 'status', role: event.status, label: formatStatus(event.status)}];
  for (const [name, role] of Object.entries(event.roles ?? {})) {
    if (role === null || role === false) continue;  // "cumulative": false says nothing worth a row
    rows.push({name, role, label: formatRole(role)});
  }
  for (const name of conflictsByRole.keys()) {
    if (!rows.some((row) => row.name === name)) rows.push({name, role: null, label: ''});
  }
  return rows;
}

function conflictLabel(row, value) {
  if (row.name === 'status') return formatStatus(value.value);
  const role = typeof row.role === 'object' && row.role !== null ? row.role : {};
  return formatRole({...role, value: value.value}, false);
}

function evidenceList(ctx, event) {
  const spans = event.evidence ?? [];
  if (spans.length === 0) return null;
  return el('details', {class: 'evidence'},
    el('summary', {}, `${spans.length} evidence passage${spans.length === 1 ? '' : 's'}`),
    el('ol', {}, spans.map((span) => el('li', {},
      el('a', {class: 'evidence-link', href: articleHref(span.article, span), 'data-article': span.article},
        ctx.sourceName(span.article)),
      el('q', {class: 'evidence-text'}, span.text)))));
}

function eventCell(ctx, event, rowCount) {
  return el('th', {class: 'event-cell', scope: 'rowgroup', rowspan: rowCount},
    el('span', {class: 'event-type'}, words(event.type)),
    el('span', {class: 'event-stated'}, agreementMeter(ctx.outletCount(event.sources), ctx.outletTotal)),
    event.single_source ? el('span', {class: 'badge badge-warn'}, 'single source') : null,
    evidenceList(ctx, event));
}

function eventBody(ctx, event, conflictsByRole) {
  const body = el('tbody', {class: 'event', 'data-event': event.id ?? '', 'data-type': event.type});
  const lines = [];
  for (const row of roleRows(event, conflictsByRole)) {
    const conflict = conflictsByRole.get(row.name);
    if (conflict) {
      conflict.values.forEach((value, index) => lines.push({row, conflict, index,
        label: conflictLabel(row, value), sources: value.sources}));
    } else {
      lines.push({row, conflict: null, index: 0, label: row.label, sources: event.sources});
    }
  }
  lines.forEach((line, lineIndex) => {
    const tr = el('tr', {class: line.conflict ? 'conflict' : '', 'data-role': line.row.name});
    if (lineIndex === 0) tr.append(eventCell(ctx, event, lines.length));
    if (line.index === 0) {
      const span = line.conflict ? line.conflict.values.length : 1;
      tr.append(el('td', {class: 'role', rowspan: span}, words(line.row.name),
        line.conflict ? el('span', {class: 'badge badge-conflict'}, 'conflict') : null));
    }
    tr.append(
      el('td', {class: 'value'}, line.label),
      el('td', {class: 'agreement-cell'}, agreementMeter(ctx.outletCount(line.sources), ctx.outletTotal)),
      el('td', {class: 'sources-cell'}, sourceChips(ctx, event, line.sources)));
    body.append(tr);
  });
  if (conflictsByRole.size > 0) body.classList.add('has-conflict');
  return body;
}

export function eventsTable(ctx) {
  const events = ctx.story.events ?? [];
  if (events.length === 0) return el('p', {class: 'empty'}, 'No business events were found in this story.');
  const conflicts = new Map();  // event id → role → conflict
  for (const conflict of ctx.story.conflicts ?? []) {
    if (!conflicts.has(conflict.event)) conflicts.set(conflict.event, new Map());
    conflicts.get(conflict.event).set(conflict.role, conflict);
  }
  return el('div', {class: 'table-scroll'}, el('table', {class: 'events', id: 'events-table'},
    el('thead', {}, el('tr', {},
      el('th', {scope: 'col'}, 'Event'), el('th', {scope: 'col'}, 'Role'), el('th', {scope: 'col'}, 'Value'),
      el('th', {scope: 'col'}, 'Agreement'), el('th', {scope: 'col'}, 'Sources'))),
    events.map((event) => eventBody(ctx, event, conflicts.get(event.id) ?? new Map()))));
}
