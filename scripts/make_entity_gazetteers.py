#!/usr/bin/env python3
"""Builds the entity gazetteers of data/entities/ from the public lists in ../shared/gazetteer.
See data/SOURCE-entities.md for what each output holds and under which licence.

  python3 scripts/make_entity_gazetteers.py ../shared/gazetteer data/entities [BLOCKLIST]

Outputs (UTF-8, one row a line, tab-separated):
  companies.tsv   TICKER  NAME  SHORT     listed companies; SHORT is the name news uses
  places.tsv      NAME    KIND            country | state | city
  given_names.txt NAME                    given names (US Census 1990), lower case
  given_name_gender.tsv NAME  m|f         given names that are at least four times as common for one
                                          sex as for the other (US Census 1990), lower case
  surnames.txt    NAME                    the most common surnames (US Census 1990), lower case
  role_words.txt  WORD                    last words of job titles ("manager", "analyst")
Rows naming any line of the optional BLOCKLIST file (case-insensitive) are left out: the project's
tests must not learn from the acceptance articles' names, whatever a public list happens to hold.
(The list is the one the repository's pre-stop hook greps for; it is kept out of the repository.)"""
import csv, gzip, os, re, sys

G, OUT = sys.argv[1], sys.argv[2]
BLOCKED = [l.strip().lower() for l in open(sys.argv[3])] if len(sys.argv) > 3 else []
BLOCKED = [b for b in BLOCKED if b]


def blocked(*fields):
    s = ' '.join(fields).lower()
    return any(b in s for b in BLOCKED)


# ---- companies ---------------------------------------------------------------------------------
SECURITY_TAIL = re.compile(
    r'\s+(-\s.*|Common Stock.*|Common Shares.*|Ordinary Shares.*|Class [A-Z]\b.*|American Depositary.*|'
    r'Depositary Shares.*|Capital Stock.*|Subordinate Voting.*|Units?\b.*|Warrants?\b.*|Rights?\b.*|'
    r'\d+(\.\d+)?%.*|Series [A-Z]\b.*|Shares of Beneficial.*|New\b.*)$')
LEGAL = re.compile(r'(,?\s+(Inc|Incorporated|Corp|Corporation|Company|Co|Ltd|Limited|PLC|plc|LLC|L\.P|LP|'
                   r'N\.V|NV|S\.A|SA|AG|SE|Holdings?|Group|Ltd\.|Co\.|\(The\)|Technologies|Systems)\.?)+$')
SKIP = re.compile(r'\b(ETF|ETN|Fund|Funds|Trust|Acquisition|Portfolio|Index|Notes?|Debentures?|Bond|'
                  r'Preferred|Income|Municipal|Strategy|Daily|Leveraged?|Treasury|SPDR|iShares|ProShares|'
                  r'Capital Corp)\b')


def clean_company(name):
    name = re.sub(r'\s+', ' ', name).strip()
    name = SECURITY_TAIL.sub('', name).strip().rstrip(',').strip()
    name = re.sub(r'\s*\(The\)', '', name)
    if name.startswith('The '):
        name = name[4:]
    return name


def short_name(name):
    s = LEGAL.sub('', name).strip().rstrip(',').strip()
    s = re.sub(r'\.com$', '', s)
    return s if s else name


companies = {}  # ticker -> [(name, short)]; the first list to name a ticker gives its short name


def add_company(ticker, name, short=None):
    ticker = ticker.strip()
    if not ticker or not re.fullmatch(r'[A-Z]{1,5}', ticker):
        return
    name = clean_company(name)
    if not name or SKIP.search(name) or len(name) < 2 or blocked(name, short or ''):
        return
    rows = companies.setdefault(ticker, [])
    short = rows[0][1] if rows else (short or short_name(name))
    if all(n != name for n, _ in rows):
        rows.append((name, short))


for r in csv.DictReader(open(os.path.join(G, 'sp500/constituents.csv'), encoding='utf-8')):
    short = re.sub(r'\s*\(Class [A-Z]\)', '', r['Security']).strip()
    add_company(r['Symbol'], r['Security'], short_name(clean_company(short)))
for r in csv.DictReader(open(os.path.join(G, 'nasdaq-listings/nasdaq-listed-symbols.csv'), encoding='utf-8')):
    if r['ETF'] == 'Y' or r['Test Issue'] == 'Y':
        continue
    add_company(r['Symbol'], r['Company Name'])
for r in csv.DictReader(open(os.path.join(G, 'nyse-other-listings/other-listed.csv'), encoding='utf-8')):
    if r['ETF'] == 'Y' or r['Test Issue'] == 'Y':
        continue
    add_company(r['ACT Symbol'], r['Company Name'])

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, 'companies.tsv'), 'w', encoding='utf-8') as f:
    for t in sorted(companies):
        for name, short in companies[t]:
            f.write('%s\t%s\t%s\n' % (t, name, short))

# ---- places ------------------------------------------------------------------------------------
places = {}
rank = {'country': 0, 'state': 1, 'city': 2}


def add_place(name, kind):
    name = re.sub(r'\s+', ' ', name or '').strip()
    if len(name) < 3 or not name[0].isupper() or blocked(name) or re.search(r'[,()\[\]]', name):
        return
    if name not in places or rank[kind] < rank[places[name]]:
        places[name] = kind


for r in csv.DictReader(open(os.path.join(G, 'country-codes/country-codes.csv'), encoding='utf-8')):
    for col in ('CLDR display name', 'UNTERM English Short', 'official_name_en'):
        v = (r.get(col) or '').strip()
        v = re.sub(r'\s*\(the\)$', '', v)
        v = re.sub(r'^the ', '', v)
        add_place(v, 'country')
for r in csv.DictReader(open(os.path.join(G, 'world-cities/world-cities.csv'), encoding='utf-8')):
    if r['country'] == 'United States':
        add_place(r['subcountry'], 'state')
    add_place(r['name'], 'city')
with open(os.path.join(OUT, 'places.tsv'), 'w', encoding='utf-8') as f:
    for n in sorted(places):
        f.write('%s\t%s\n' % (n, places[n]))

# ---- names -------------------------------------------------------------------------------------
given = set()
for fn in ('dist.male.first', 'dist.female.first'):
    for line in open(os.path.join(G, 'census1990-names', fn), encoding='ascii'):
        given.add(line.split()[0].lower())
with open(os.path.join(OUT, 'given_names.txt'), 'w') as f:
    f.write(''.join(n + '\n' for n in sorted(given)))
# A given name's sex, for reading "he" and "she" (src/extract/speaker_resolve.cc): the lists give
# each name's share of men and of women; a name is one sex's when that share is at least four
# times the other's ("Jordan" is, "Morgan" is not and stays out).
share = {'m': {}, 'f': {}}
for fn, sex in (('dist.male.first', 'm'), ('dist.female.first', 'f')):
    for line in open(os.path.join(G, 'census1990-names', fn), encoding='ascii'):
        name, freq = line.split()[:2]
        share[sex][name.lower()] = float(freq)
gender = {}
for name in sorted(given):
    m, f = share['m'].get(name, 0.0), share['f'].get(name, 0.0)
    if m >= 4 * f:
        gender[name] = 'm'
    elif f >= 4 * m:
        gender[name] = 'f'
with open(os.path.join(OUT, 'given_name_gender.tsv'), 'w') as f:
    f.write(''.join('%s\t%s\n' % (n, gender[n]) for n in sorted(gender)))
surnames = []
for line in open(os.path.join(G, 'census1990-names/dist.all.last'), encoding='ascii'):
    name, _, _, r = line.split()
    if int(r) <= 20000:
        surnames.append(name.lower())
with open(os.path.join(OUT, 'surnames.txt'), 'w') as f:
    f.write(''.join(n + '\n' for n in sorted(surnames)))

# ---- role words --------------------------------------------------------------------------------
# The last word of a job title is its head ("Portfolio Manager" -> manager). Heads seen in at least
# 15 titles, minus tails that name a field rather than a person.
NOT_ROLES = {'services', 'department', 'development', 'management', 'marketing', 'maintenance',
             'operations', 'education', 'sales', 'service', 'assembly', 'care', 'plant', 'room',
             'production', 'engineering', 'processing', 'general', 'shop', 'model', 'medicine', 'line',
             'products', 'metal', 'health', 'tool', 'support', 'research', 'parts', 'control', 'affairs',
             'workers', 'equipment', 'systems', 'up', 'out', 'house', 'relations', 'planning', 'repair',
             'office', 'design', 'school', 'police', 'intelligence', 'communications', 'center', 'staff',
             'shift', 'automatic', 'machine', 'internship', 'farm', 'mill', 'meat', 'nursing', 'blasting',
             'lockstitch', 'counter', 'boiler', 'rubber', 'aid', 'head', 'lead', 'former', 'chief',
             'member', 'person', 'man', 'hand', 'tech', 'rn', 'mate', 'guide', 'monitor', 'folder', 'guard',
             'chair', 'general', 'master', 'boss', 'host', 'line', 'liner', 'buffer', 'server', 'sewer',
             'hooker', 'stripper', 'drawer', 'closer', 'opener', 'counter', 'resident', 'fellow', 'justice'}
heads = {}
with gzip.open(os.path.join(G, 'job-titles-fluquid/titles_combined.txt.gz'), 'rt', encoding='utf-8') as f:
    for line in f:
        w = line.split()
        if w:
            h = w[-1].lower()
            if re.fullmatch(r'[a-z][a-z-]+', h):
                heads[h] = heads.get(h, 0) + 1
roles = sorted(h for h, c in heads.items() if c >= 15 and h not in NOT_ROLES)
with open(os.path.join(OUT, 'role_words.txt'), 'w') as f:
    f.write(''.join(r + '\n' for r in roles))
print('companies %d, places %d, given names %d, surnames %d, role words %d'
      % (len(companies), len(places), len(given), len(surnames), len(roles)), file=sys.stderr)
