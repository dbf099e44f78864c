// How the story report's values read on the page: money, counts, percentages, dates, statuses,
// outlets. Pure functions of the JSON the API returns.

export const EVENT_TYPES = [
  'investment', 'funding_round', 'valuation', 'acquisition', 'ipo', 'layoffs', 'hiring', 'capex',
  'facility', 'contract', 'partnership', 'stock_move', 'earnings', 'executive_change', 'bankruptcy', 'financing',
  'legal', 'closure',
];

export const words = (name) => String(name ?? '').replaceAll('_', ' ');

// "in_talks/advanced" → "in talks (advanced)"
export function formatStatus(status) {
  if (!status) return '';
  const [main, stage] = String(status).split('/');
  return stage ? `${words(main)} (${words(stage)})` : words(main);
}

const QUALIFIERS = {
  about: 'about', up_to: 'up to', at_least: 'at least', more_than: 'more than', less_than: 'less than',
};

const SCALES = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']];

// 2400000000 EUR → "€2.4 billion"; 900 → "900"; -4.2 percent → "−4.2%".
function formatNumber(value, kind, currency) {
  if (typeof value !== 'number') return String(value);
  if (currency) {
    const [scale, word] = SCALES.find(([size]) => Math.abs(value) >= size) ?? [1, ''];
    try {
      const amount = new Intl.NumberFormat('en', {
        style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 2,
      }).format(value / scale);
      return word ? `${amount} ${word}` : amount;
    } catch {
      return `${currency} ${value.toLocaleString('en')}`;  // a currency code Intl does not know
    }
  }
  if (kind === 'percent') return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value)}%`;
  return value.toLocaleString('en');
}

// One role of an event: {value, currency, kind, qualifier, value_max, grain} or a plain value.
// `withQualifier` is false for a conflict's values, which state no qualifier of their own.
export function formatRole(role, withQualifier = true) {
  if (role === null || role === undefined) return '';
  if (Array.isArray(role)) return role.map((item) => formatRole(item, withQualifier)).join(', ');
  if (typeof role !== 'object') return typeof role === 'boolean' ? (role ? 'yes' : 'no') : String(role);
  const {value} = role;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => formatRole(item, withQualifier)).join(', ');
  if (typeof value === 'object' && value !== null) return formatRole(value, withQualifier);
  if (role.grain) return formatDate(String(value), role.grain);
  const number = formatNumber(value, role.kind, role.currency);
  if (!withQualifier) return number;
  if (role.qualifier === 'range' && role.value_max !== undefined) {
    return `${number}–${formatNumber(role.value_max, role.kind, role.currency)}`;
  }
  const qualifier = QUALIFIERS[role.qualifier];
  return qualifier ? `${qualifier} ${number}` : number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// ISO 8601 at any grain, as a reader says it: "4 Nov 2025", "Nov 2025", "Q2 2026",
// "4 Nov 2025, 16:20 UTC". Anything else is shown as it came.
export function formatDate(iso) {
  if (!iso) return '';
  const text = String(iso);
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (match) {
    const day = `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
    if (!match[4]) return day;
    const zone = match[6] === 'Z' ? ' UTC' : match[6] ? ` (UTC${match[6]})` : '';
    return `${day}, ${match[4]}:${match[5]}${zone}`;
  }
  if ((match = /^(\d{4})-(\d{2})$/.exec(text))) return `${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
  if ((match = /^(\d{4})-Q([1-4])$/.exec(text))) return `Q${match[2]} ${match[1]}`;
  if ((match = /^(\d{4})-W(\d{2})$/.exec(text))) return `week ${Number(match[2])} of ${match[1]}`;
  return text;
}

// A key that sorts ISO dates of every grain in time order: a quarter or week sorts at its start.
export function dateSortKey(iso) {
  const text = String(iso ?? '');
  let match = /^(\d{4})-Q([1-4])$/.exec(text);
  if (match) return `${match[1]}-${String((Number(match[2]) - 1) * 3 + 1).padStart(2, '0')}`;
  if ((match = /^(\d{4})-W(\d{2})$/.exec(text))) {
    const day = new Date(Date.UTC(Number(match[1]), 0, 1 + (Number(match[2]) - 1) * 7));
    return day.toISOString().slice(0, 10);
  }
  return text;
}

// The name an article's outlet goes by: its outlet, else its address's host, else its id's last part.
export function outletName(article) {
  if (!article) return '';
  if (article.outlet) return article.outlet;
  try {
    if (article.url) return new URL(article.url).hostname;
  } catch { /* not an absolute URL */ }
  const id = String(article.id ?? '');
  return id.slice(id.lastIndexOf('/') + 1) || id;
}

// The key outlets are counted by, as the engine counts them: the outlet, else the article itself.
export const outletKey = (article) => article.outlet || article.id;
