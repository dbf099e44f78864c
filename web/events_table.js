// The story's events table: one block of rows per event, one row per role value with its own
// sources (the articles whose statement agrees with it), how many outlets state it, links to the
// words that state it in each, and whom each cites; a role whose sources disagree gets one
// highlighted row per value. Tested by tests/web/ (e2e, facts).
import {el} from './dom.js';
import {formatRole, formatStatus, words} from './format.js';
import {articleHref} from './links.js';
import {agreementMeter, claimChips, sourceChips} from './sources.js';

// The rows of one event: status first, then its roles in the report's order, then any role only a
// conflict names.
function roleRows(event, conflictsByRole) {
  const rows = [{name: 'status', role: event.status, label: formatStatus(event.status)}];
  for (const [name, role] of Object.entries(event.roles ?? {})) {
    if (role === null || role === false) continue;  // "cumulative": false says nothing worth a row
    rows.push({name, role, label: formatRole(role, true, name)});
  }
  for (const name of conflictsByRole.keys()) {
    if (!rows.some((row) => row.name === name)) rows.push({name, role: null, label: ''});
  }
  return rows;
}

function conflictLabel(row, value) {
  if (row.name === 'status') return formatStatus(value.value);
  const role = typeof row.role === 'object' && row.role !== null ? row.role : {};
  return formatRole({...role, value: value.value}, false, row.name);
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

// "4 outlets, 3 independent (Bloomberg, The Wall Street Journal, Reuters)": the outlets that state
// the event, and the origins they come to (a reprint with its original, articles citing one news
// organisation as that organisation).
export function originsLine(ctx, event) {
  const outlets = event.outlets ?? ctx.outletCount(event.sources);
  const origins = (event.origins ?? []).map((origin) => ctx.originName(origin));
  const independent = event.independent_sources ?? origins.length;
  return el('span', {class: 'event-origins'},
    `${outlets} outlet${outlets === 1 ? '' : 's'}, ${independent} independent`,
    origins.length ? ` (${origins.join(', ')})` : '');
}

function eventCell(ctx, event, rowCount) {
  return el('th', {class: 'event-cell', scope: 'rowgroup', rowspan: rowCount},
    el('span', {class: 'event-type'}, words(event.type)),
    el('span', {class: 'event-stated'}, agreementMeter(ctx.outletCount(event.sources), ctx.outletTotal)),
    originsLine(ctx, event),
    event.single_source ? el('span', {class: 'badge badge-warn'}, 'single source') : null,
    evidenceList(ctx, event));
}

// A role's own sources when the report gives them (a settled value: its `sources` and `claims`;
// a conflicting value: the same); the status, stated by the event's sources, has none.
const hasOwnSources = (value) => value !== null && typeof value === 'object' && Array.isArray(value.sources);

// A conflicting value that is the role's settled one (the same sources) takes the settled value's
// count of independent origins, which the report gives only there.
function withSettledCounts(role, value) {
  if (!hasOwnSources(role) || !Array.isArray(value.sources)) return value;
  const same = role.sources.length === value.sources.length && value.sources.every((id) => role.sources.includes(id));
  return same ? {...value, independent_sources: role.independent_sources} : value;
}

function eventBody(ctx, event, conflictsByRole) {
  const body = el('tbody', {class: 'event', 'data-event': event.id ?? '', 'data-type': event.type});
  const lines = [];
  for (const row of roleRows(event, conflictsByRole)) {
    const conflict = conflictsByRole.get(row.name);
    if (conflict) {
      conflict.values.forEach((value, index) => lines.push({row, conflict, index,
        label: conflictLabel(row, value), value: withSettledCounts(row.role, value)}));
    } else {
      lines.push({row, conflict: null, index: 0, label: row.label,
        value: hasOwnSources(row.role) ? row.role : null});
    }
  }
  lines.forEach((line, lineIndex) => {
    const single = !line.conflict && line.value?.single_source === true;
    const tr = el('tr', {class: [line.conflict ? 'conflict' : '', single ? 'single-source' : ''].join(' ').trim(),
      'data-role': line.row.name});
    if (lineIndex === 0) tr.append(eventCell(ctx, event, lines.length));
    if (line.index === 0) {
      const span = line.conflict ? line.conflict.values.length : 1;
      tr.append(el('td', {class: 'role', rowspan: span}, words(line.row.name),
        line.conflict ? el('span', {class: 'badge badge-conflict'}, 'conflict') : null));
    }
    const sources = line.value ? line.value.sources : event.sources;
    tr.append(
      el('td', {class: 'value'}, line.label,
        single ? el('span', {class: 'badge badge-warn badge-single', title: 'one independent source states this value'},
          'single source') : null),
      el('td', {class: 'agreement-cell'},
        agreementMeter(ctx.outletCount(sources), ctx.outletTotal, line.value?.independent_sources)),
      el('td', {class: 'sources-cell'}, line.value ? claimChips(ctx, event, line.value) : sourceChips(ctx, event, sources)));
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
