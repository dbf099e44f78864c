#!/usr/bin/env python3
"""Generator of synthetic news articles for the scale benchmark (bench/scale_bench.py): N articles
as JSON Lines ({"id","outlet","published","title","text"}), about 4 KB of text each, deterministic
for a given seed, streamed to a file so that a million articles never sit in memory.

Every word comes from the lists in this file. Story templates are made programmatically: invented
companies (names built from syllables), people, places, amounts and dates, and a kind of business
event (acquisition, job cuts, funding round, plant opening, earnings, leadership change, recall,
contract). Each story is told by several outlets over a few days: the same facts in reworded
sentences, in a shuffled order, with numbers rounded differently, sometimes a wrong figure, some
reprints (near-duplicates of an earlier article of the story), background on the companies, and
filler sentences. Publication dates spread over months; articles come out in publication order,
like a feed. Not real news, not a quality set: it exercises speed and memory at scale.

usage: python3 bench/generate_articles.py --n 100000 --seed 1 --out /tmp/articles.jsonl
       [--truth OUT.tsv] [--days 240] [--start 2026-01-05]
An --out ending in .gz is written as multi-member gzip, one member per ~32 MB of JSON Lines
(corroborate refuses a gzip member that expands past 64 MB).
--truth writes "id<TAB>story<TAB>duplicate_of" per article (the generator's own story numbers).
"""
import argparse
import datetime
import json
import os
import random
import sys
import zlib

# ---------------------------------------------------------------- word lists (our own)
SYL = ['ka', 'lo', 'ven', 'tra', 'mir', 'dox', 'sel', 'quin', 'bar', 'tel', 'nor', 'vi', 'zan',
       'ro', 'mek', 'lin', 'tas', 'por', 'ul', 'fen', 'gar', 'dri', 'os', 'lum', 'hal', 'cor',
       've', 'nix', 'sta', 'bro', 'mar', 'thel', 'an', 'cre', 'pol', 'vin', 'ter', 'ax', 'mo',
       'sun', 'rel', 'ki', 'dan', 'fo', 'gral', 'pe', 'ith', 'so', 'vok', 'ra', 'lis', 'tem',
       'bo', 'kar', 'zel', 'ne', 'tru', 'ga', 'wen', 'dal']
CO_SUFFIX = ['Corp', 'Holdings', 'Group', 'Systems', 'Industries', 'Inc', 'AB', 'Labs',
             'Technologies', 'Energy', 'Logistics', 'Foods', 'Motors', 'Bank', 'Pharma', 'Networks',
             'Materials', 'Robotics', 'Capital', 'Partners']
FIRST = ['Ana', 'Bram', 'Celia', 'Dorin', 'Elsa', 'Fenna', 'Goran', 'Hedda', 'Ivo', 'Jorun',
         'Kasia', 'Lenart', 'Mirela', 'Nilo', 'Orla', 'Pavo', 'Quilla', 'Ragna', 'Soren', 'Tilda',
         'Ulric', 'Vesna', 'Wendel', 'Yara', 'Zeno', 'Aldo', 'Brita', 'Cosmin', 'Dagny', 'Emre',
         'Frida', 'Gideon', 'Hanne', 'Ilse', 'Jasper', 'Kaja', 'Lior', 'Maren', 'Nadia', 'Otto']
ROLES = ['chief executive', 'chief financial officer', 'chief operating officer', 'chairman',
         'head of strategy', 'spokeswoman', 'spokesman', 'president', 'general counsel']
SECTORS = ['battery', 'software', 'shipping', 'semiconductor', 'food', 'steel', 'insurance',
           'medical device', 'solar', 'retail', 'payments', 'fertiliser', 'aircraft parts',
           'cloud', 'textile', 'packaging', 'railway', 'chemicals', 'gaming', 'water treatment']
PRODUCTS = ['heat pumps', 'delivery drones', 'industrial sensors', 'electric scooters',
            'hearing aids', 'kitchen robots', 'charging stations', 'baby monitors', 'e-bikes',
            'smart meters', 'coffee machines', 'wind turbine blades', 'insulin pens', 'routers']
OUTLET_A = ['Daily', 'Morning', 'Evening', 'Weekly', 'Northern', 'Harbour', 'Capital', 'Valley',
            'Coastal', 'Metro', 'Union', 'Federal']
OUTLET_B = ['Ledger', 'Courier', 'Post', 'Wire', 'Observer', 'Gazette', 'Herald', 'Tribune',
            'Dispatch', 'Monitor', 'Register', 'Chronicle']
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
          'October', 'November', 'December']
WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
QUARTERS = ['first', 'second', 'third', 'fourth']
CURRENCIES = [('$', 'dollars'), ('€', 'euros'), ('£', 'pounds')]

# filler: clause pieces combined at random (subject, verb phrase, tail)
F_SUBJ = ['Analysts at {o}', 'Traders in {c}', 'Economists polled by {o}', 'Fund managers',
          'Several investors', 'Industry groups in {c}', 'Local officials', 'Rival executives',
          'Shareholder advisers', 'Consultants who follow the {s} sector', 'Union leaders in {c}',
          'Credit analysts', 'Bankers close to the {s} industry', 'Regulators in {c}']
F_VERB = ['have warned that demand for {s} products', 'said that prices across the {s} market',
          'noted that orders from customers in {c}', 'expect that margins in the {s} business',
          'pointed out that hiring in {c}', 'argued that spending on {p}',
          'cautioned that supply of {p}', 'reported that exports of {p} from {c}',
          'believe that borrowing costs for {s} firms', 'observed that freight rates to {c}']
F_TAIL = ['could stay weak until the end of the year.', 'rose faster than expected last month.',
          'remained flat for a third quarter in a row.', 'may recover once inventories are cleared.',
          'slowed sharply after the summer.', 'are likely to improve only gradually.',
          'fell for the first time in two years.', 'depend heavily on energy costs.',
          'have become harder to forecast.', 'were hit by delays at ports and border crossings.',
          'surprised most observers in the spring.', 'will be watched closely next quarter.']
F_SOLO = ['The company did not respond to a request for further comment.',
          'Shares of the company were little changed in early trading.',
          'The terms have not been reviewed by an independent adviser.',
          'A person familiar with the matter, who asked not to be named, confirmed the plans.',
          'The announcement came after the close of regular trading.',
          'It was not immediately clear how the plan would be financed.',
          'The figures have not been audited.',
          'More details are expected at an investor meeting later this month.']
QUOTE = ['this is the right step for our customers and our people',
         'we have a clear plan and the balance sheet to deliver it',
         'the decision was difficult but necessary',
         'we see strong demand in every region where we operate',
         'this gives us the scale to compete for the next decade',
         'our teams have worked hard to get here',
         'we will keep investing in research and in our factories',
         'the market has changed and we have to change with it']


def name_from(rng, lo, hi):
    return ''.join(rng.choice(SYL) for _ in range(rng.randint(lo, hi))).capitalize()


# ---------------------------------------------------------------- numbers and dates
def fmt_num(x):
    return ('%.2f' % x).rstrip('0').rstrip('.')


def money_forms(rng, value):
    """Spellings of one amount: exact, rounded, hedged."""
    sym, word = rng.choice(CURRENCIES)
    if value >= 1e9:
        v, unit, short = value / 1e9, 'billion', 'bn'
    else:
        v, unit, short = value / 1e6, 'million', 'm'
    exact, rounded = fmt_num(v), fmt_num(round(v, 1) if v < 10 else round(v))
    return [sym + exact + ' ' + unit, sym + rounded + ' ' + unit, 'about ' + sym + rounded + ' ' + unit,
            exact + ' ' + unit + ' ' + word, sym + exact + short, 'roughly ' + sym + rounded + ' ' + unit]


def count_forms(n):
    r = int(round(n, -2)) if n >= 1000 else int(round(n, -1))
    return ['{:,}'.format(n), 'about {:,}'.format(r), 'some {:,}'.format(r),
            'more than {:,}'.format(r if r < n else r - (100 if n >= 1000 else 10)), '{:,}'.format(n)]


def pct_forms(p):
    return ['%s%%' % fmt_num(p), '%s percent' % fmt_num(p), 'about %d%%' % round(p), '%s%%' % fmt_num(p)]


def day_forms(d, pub):
    forms = ['on %s %d' % (MONTHS[d.month - 1], d.day), 'on %d %s' % (d.day, MONTHS[d.month - 1]),
             'on %s %d, %d' % (MONTHS[d.month - 1], d.day, d.year)]
    if 0 <= (pub - d).days < 6:
        forms.append('on ' + WEEKDAYS[d.weekday()])
    return forms


# ---------------------------------------------------------------- story kinds
# Each fact: a list of rewordings. Fields: A, As (short name), B, Bs, P, Pl (last name), R (role),
# P2, Pl2, place, amt, amt2, cnt, pct, day, qtr, prod, sect, q (a quote), year, emp, hq.
KINDS = {
    'acquisition': {
        'title': ['{As} to buy {Bs} for {amt}', '{As} agrees {amt} deal for {Bs}',
                  '{Bs} sold to {As} in {amt} takeover', '{As} strikes deal to acquire {Bs}'],
        'facts': [
            ['{A} said {day} it had agreed to buy {B} for {amt}.',
             '{A} agreed {day} to acquire {B} in a deal valued at {amt}.',
             '{B} is to be taken over by {A} for {amt}, the companies said {day}.'],
            ['The deal is expected to close in the {qtr} quarter, subject to approval by regulators.',
             'Both companies expect the transaction to complete in the {qtr} quarter if regulators agree.'],
            ['Shareholders of {Bs} will receive a premium of {pct} over the last closing price.',
             'The offer values {Bs} at a {pct} premium to its closing share price.'],
            ['"{q}," said {P}, {R} of {As}.', '{P}, the {R} of {As}, said: "{q}."',
             '"{q}," {Pl} told reporters.'],
            ['{Bs}, which is based in {place}, employs about {cnt} people.',
             'Founded in {place}, {Bs} has a workforce of {cnt}.'],
            ['{As} said the purchase would add to its {sect} business within two years.',
             'The acquisition gives {As} a larger share of the {sect} market.'],
            ['{P2}, who leads {Bs}, will stay on to run the business inside {As}.',
             '{Bs} chief {P2} is expected to remain after the deal closes.'],
        ]},
    'layoffs': {
        'title': ['{As} to cut {cnt} jobs', '{As} plans {cnt} job cuts', '{As} to shed {pct} of staff',
                  'Job losses at {As} as demand falls'],
        'facts': [
            ['{A} said {day} it would cut {cnt} jobs, or {pct} of its workforce.',
             '{A} announced {day} that it plans to eliminate {cnt} positions, about {pct} of its staff.',
             '{A} will lay off {cnt} workers, {pct} of its employees, the company said {day}.'],
            ['Most of the cuts will fall at its sites in {place}.',
             'The plant in {place} will bear the brunt of the reductions.'],
            ['The company expects a restructuring charge of {amt}.',
             '{As} will book a charge of {amt} to pay for the cuts.'],
            ['"{q}," said {P}, {R} of {As}.', '{P}, {As} {R}, said "{q}."', '"{q}," {Pl} said.'],
            ['{P2}, a union representative, called the decision a betrayal of the workforce.',
             'Union official {P2} said workers had not been consulted.'],
            ['Demand for its {prod} has fallen for three quarters in a row.',
             'Sales of {prod}, its main product, have been falling since last year.'],
        ]},
    'funding': {
        'title': ['{Bs} raises {amt} led by {As}', '{Bs} secures {amt} in new funding',
                  '{As} backs {Bs} with {amt}', 'Start-up {Bs} valued at {amt2}'],
        'facts': [
            ['{B} said {day} it had raised {amt} in a funding round led by {A}.',
             '{B} has closed a {amt} round led by {A}, it said {day}.',
             'Investors led by {A} put {amt} into {B}, the start-up announced {day}.'],
            ['The round values the company at {amt2}.', 'The investment gives {Bs} a valuation of {amt2}.'],
            ['{Bs}, founded by {P} in {place}, makes {prod}.',
             'Based in {place}, {Bs} was started by {P} to make {prod}.'],
            ['"{q}," said {P}, {R} of {Bs}.', '"{q}," {Pl} said in a statement.'],
            ['The company plans to hire {cnt} engineers over the next year.',
             '{Bs} intends to add {cnt} staff with the new money.'],
            ['{P2} of {As} will join the board of {Bs}.', '{As} partner {P2} takes a seat on the board.'],
        ]},
    'plant': {
        'title': ['{As} opens {amt} plant in {place}', 'New {As} factory in {place} to employ {cnt}',
                  '{As} bets {amt} on {place} plant'],
        'facts': [
            ['{A} opened a {amt} factory in {place} {day}.',
             '{A} {day} inaugurated its new plant in {place}, built at a cost of {amt}.',
             'A {amt} {As} factory opened in {place} {day}.'],
            ['The site will employ {cnt} people when it reaches full output.',
             'About {cnt} jobs will be created at the plant.'],
            ['It will make {prod} for customers across the region.',
             'The plant will produce {prod}.'],
            ['{P2}, the mayor of {place}, attended the opening.', 'Mayor {P2} was at the ceremony.'],
            ['"{q}," said {P}, {R} of {As}.', '"{q}," {Pl} told guests.'],
            ['Production is expected to rise by {pct} next year.',
             '{As} expects output to grow {pct} in the coming year.'],
        ]},
    'earnings': {
        'title': ['{As} profit rises to {amt2}', '{As} revenue up {pct}', '{As} beats forecasts',
                  '{As} quarterly sales reach {amt}'],
        'facts': [
            ['{A} reported {day} revenue of {amt} for the {qtr} quarter, up {pct} from a year earlier.',
             '{A} said {day} that {qtr}-quarter sales rose {pct} to {amt}.',
             'Quarterly revenue at {A} climbed {pct} to {amt}, the company said {day}.'],
            ['Net profit was {amt2}.', 'It made a net profit of {amt2}.',
             'Profit after tax came to {amt2}.'],
            ['"{q}," said {P}, {R} of {As}.', '"{q}," {Pl} said on a call with analysts.'],
            ['The company kept its forecast for the full year.',
             '{As} left its annual outlook unchanged.'],
            ['Sales of {prod} were the main driver of growth.', 'Demand for {prod} drove the increase.'],
            ['{As} employs {cnt} people, mostly in {place}.',
             'The group has {cnt} employees, most of them in {place}.'],
        ]},
    'leadership': {
        'title': ['{As} names {P} chief executive', '{P} to lead {As}', '{As} replaces {Pl2} with {Pl}'],
        'facts': [
            ['{A} said {day} it had appointed {P} as chief executive, replacing {P2}.',
             '{A} named {P} its new chief executive {day}; {P2} steps down.',
             '{P} will succeed {P2} at the helm of {A}, the company said {day}.'],
            ['{Pl} previously ran the {sect} division of {B}.',
             'Before joining, {Pl} led {B}\'s {sect} business.'],
            ['{P2} had led the company for {cnt} days short of a decade.',
             '{Pl2} spent nearly ten years in charge.'],
            ['"{q}," said {P}.', '"{q}," {Pl} said in a statement.'],
            ['Shares of {As} rose {pct} after the announcement.',
             'The stock gained {pct} on the news.'],
        ]},
    'recall': {
        'title': ['{As} recalls {cnt} {prod}', '{As} recall hits {cnt} units', 'Safety recall at {As}'],
        'facts': [
            ['{A} said {day} it was recalling {cnt} {prod} because of a fault.',
             '{A} is recalling {cnt} of its {prod}, it announced {day}.',
             'About {cnt} {prod} made by {A} are being recalled, the company said {day}.'],
            ['The fault can cause the devices to overheat.', 'A defective part may overheat.'],
            ['The recall will cost about {amt}.', '{As} estimates the cost at {amt}.'],
            ['Regulators in {place} had opened an inquiry in the spring.',
             'An investigation by authorities in {place} preceded the recall.'],
            ['"{q}," said {P}, {R} of {As}.', '"{q}," {Pl} said.'],
        ]},
    'contract': {
        'title': ['{As} wins {amt} contract', '{As} lands {amt} order from {Bs}',
                  '{Bs} picks {As} for {amt} deal'],
        'facts': [
            ['{A} said {day} it had won a {amt} contract from {B} to supply {prod}.',
             '{B} awarded {A} a contract worth {amt} {day}, for {prod}.',
             '{A} has signed a {amt} supply deal with {B}, it said {day}.'],
            ['Deliveries will start in the {qtr} quarter and run for five years.',
             'The contract runs for five years from the {qtr} quarter.'],
            ['The work will be done at its site in {place}, which employs {cnt} people.',
             '{As} will build the {prod} in {place}, where it has {cnt} staff.'],
            ['"{q}," said {P}, {R} of {As}.', '"{q}," {Pl} said.'],
            ['The order is the largest in {As}\'s history and lifts its backlog by {pct}.',
             'It raises the order book by {pct}.'],
        ]},
}
KIND_NAMES = sorted(KINDS)
BACKGROUND = [
    ['{short} was founded in {year} in {hq}.', 'Founded in {year}, {short} is based in {hq}.'],
    ['It employs about {emp} people.', '{short} has roughly {emp} employees worldwide.'],
    ['The group makes {prod2} and sells them in more than {n} countries.',
     '{short} sells {prod2} in over {n} markets.'],
    ['Its shares have fallen {p2} this year.', 'The stock is down {p2} since January.'],
]


# ---------------------------------------------------------------- world and stories
class World:
    def __init__(self, rng, n_stories):
        self.rng = rng
        self.places = sorted({name_from(rng, 2, 3) for _ in range(400)})
        self.surnames = sorted({name_from(rng, 2, 3) for _ in range(3000)})
        self.outlets = sorted({'The %s %s' % (rng.choice(OUTLET_A), rng.choice(OUTLET_B))
                               for _ in range(40)} |
                              {'%s %s' % (name_from(rng, 2, 2), rng.choice(OUTLET_B)) for _ in range(40)})
        # a pool of companies that recur across stories (the same firm in several stories)
        pool = max(200, n_stories // 3)
        self.companies = [self.new_company() for _ in range(pool)]
        # filler pieces rendered once with invented fillers
        self.filler_subj = [s.format(o=rng.choice(self.outlets), c=rng.choice(self.places),
                                     s=rng.choice(SECTORS)) for s in F_SUBJ for _ in range(12)]
        self.filler_verb = [v.format(c=rng.choice(self.places), s=rng.choice(SECTORS),
                                     p=rng.choice(PRODUCTS)) for v in F_VERB for _ in range(12)]

    def new_company(self):
        rng = self.rng
        name = name_from(rng, 2, 3)
        return {'name': name + ' ' + rng.choice(CO_SUFFIX), 'short': name,
                'year': rng.randint(1890, 2018), 'hq': rng.choice(self.places),
                'emp': '{:,}'.format(rng.randint(2, 900) * 100), 'prod2': rng.choice(PRODUCTS),
                'n': rng.randint(3, 80), 'p2': '%d%%' % rng.randint(2, 45)}

    def company(self):
        # 60% a recurring company, 40% a fresh one
        return self.rng.choice(self.companies) if self.rng.random() < 0.6 else self.new_company()

    def person(self):
        return '%s %s' % (self.rng.choice(FIRST), self.rng.choice(self.surnames))


class Story:
    __slots__ = ('sid', 'kind', 'v', 'day', 'left', 'first', 'sentences', 'count')

    def __init__(self, world, sid, day, start_date, rng):
        self.sid, self.day = sid, day
        self.kind = KIND_NAMES[rng.randrange(len(KIND_NAMES))]
        a, b = world.company(), world.company()
        while b is a:
            b = world.new_company()
        p, p2 = world.person(), world.person()
        scale = 10 ** rng.uniform(6.7, 10.3)
        self.v = {'A': a['name'], 'As': a['short'], 'B': b['name'], 'Bs': b['short'],
                  'P': p, 'Pl': p.split()[1], 'P2': p2, 'Pl2': p2.split()[1],
                  'R': rng.choice(ROLES), 'place': rng.choice(world.places),
                  'amt_v': round(scale, -5), 'amt2_v': round(scale * rng.uniform(0.08, 6), -5),
                  'cnt_v': rng.choice([rng.randint(20, 990), rng.randint(1000, 25000)]),
                  'pct_v': round(rng.uniform(1.5, 40), rng.choice([0, 1])),
                  'qtr': rng.choice(QUARTERS), 'prod': rng.choice(PRODUCTS),
                  'sect': rng.choice(SECTORS), 'q': rng.choice(QUOTE).capitalize(),
                  'event': start_date - datetime.timedelta(days=rng.choice([0, 0, 1])),
                  'bg': a}
        self.left = 0
        self.first = None      # (title, paragraphs) of the first article: reprints copy it
        self.count = 0


def render_article(rng, world, story, pub, outlet):
    v = story.v
    kind = KINDS[story.kind]
    vals = {k: v[k] for k in ('A', 'As', 'B', 'Bs', 'P', 'Pl', 'P2', 'Pl2', 'R', 'place', 'qtr',
                              'prod', 'sect', 'q')}
    amt, amt2, cnt, pct = v['amt_v'], v['amt2_v'], v['cnt_v'], v['pct_v']
    if rng.random() < 0.05:           # an outlet gets a figure wrong
        amt = round(amt * rng.choice([0.8, 1.25, 1.5]), -5)
    if rng.random() < 0.05:
        cnt = int(cnt * rng.choice([0.5, 2]))
    vals['amt'] = rng.choice(money_forms(rng, amt))
    vals['amt2'] = rng.choice(money_forms(rng, amt2))
    vals['cnt'] = rng.choice(count_forms(cnt))
    vals['pct'] = rng.choice(pct_forms(pct))
    vals['day'] = rng.choice(day_forms(v['event'], pub))
    bg = v['bg']
    title = rng.choice(kind['title']).format(**vals)
    facts = kind['facts']
    lead = rng.choice(facts[0]).format(**vals)
    rest = [rng.choice(f).format(**vals) for f in facts[1:] if rng.random() < 0.85]
    rng.shuffle(rest)
    back = [rng.choice(f).format(**bg) for f in BACKGROUND if rng.random() < 0.7]
    body = [lead] + rest[:3] + back + rest[3:]
    # filler until about 4 KB; inserted between the story's sentences
    size = sum(len(s) for s in body)
    target = rng.randint(3500, 4600)
    fs, fv, ft = world.filler_subj, world.filler_verb, F_TAIL
    while size < target:
        if rng.random() < 0.15:
            s = rng.choice(F_SOLO)
        else:
            s = '%s %s %s' % (fs[rng.randrange(len(fs))], fv[rng.randrange(len(fv))],
                              ft[rng.randrange(len(ft))])
        body.insert(rng.randint(min(2, len(body)), len(body)), s)
        size += len(s) + 1
    paras, i = [], 0
    while i < len(body):
        k = rng.randint(1, 3)
        paras.append(' '.join(body[i:i + k]))
        i += k
    return title, paras


def reprint(rng, story):
    title, paras = story.first[0], story.first[1]
    paras = list(paras)
    if len(paras) > 3 and rng.random() < 0.5:
        paras.pop()                                      # trimmed at the end
    if rng.random() < 0.5:
        j = rng.randrange(len(paras))
        paras[j] = paras[j].replace(' said ', ' stated ', 1)
    if rng.random() < 0.3:
        title = title + ' - update'
    return title, paras


# ---------------------------------------------------------------- the stream
def article_days(rng, n):
    """Day offsets of a story's n articles from its first: most the same day or the next."""
    out = [0]
    for _ in range(n - 1):
        r = rng.random()
        out.append(0 if r < 0.45 else 1 if r < 0.75 else rng.randint(2, 5) if r < 0.95
                   else rng.randint(6, 12))
    return out


def story_size(rng):
    r = rng.random()
    if r < 0.25:
        return 1
    if r < 0.6:
        return rng.randint(2, 6)
    if r < 0.92:
        return rng.randint(7, 16)
    return rng.randint(17, 45)


MEAN_STORY = 0.25 * 1 + 0.35 * 4 + 0.32 * 11.5 + 0.08 * 31


class Writer:
    """Plain, or multi-member gzip with a new member every `member` bytes of input."""

    def __init__(self, path, member=32 << 20):
        self.gz = path.endswith('.gz')
        self.f = open(path, 'wb')
        self.member, self.pending, self.in_member = member, [], 0
        self.buf, self.buf_len = [], 0
        self.comp = None

    def write(self, data):
        self.buf.append(data)
        self.buf_len += len(data)
        if self.buf_len >= (1 << 20):
            self.flush_buf()

    def flush_buf(self):
        data = b''.join(self.buf)
        self.buf, self.buf_len = [], 0
        if not self.gz:
            self.f.write(data)
            return
        if self.comp is None:
            self.comp = zlib.compressobj(6, zlib.DEFLATED, 31)
        self.f.write(self.comp.compress(data))
        self.in_member += len(data)
        if self.in_member >= self.member:
            self.end_member()

    def end_member(self):
        if self.comp is not None:
            self.f.write(self.comp.flush())
            self.comp, self.in_member = None, 0

    def close(self):
        self.flush_buf()
        if self.gz:
            self.end_member()
        self.f.close()


def generate(n, seed, out, truth=None, days=240, start='2026-01-05', progress=True):
    rng = random.Random(seed)
    n_stories = max(1, int(n / MEAN_STORY))
    world = World(rng, n_stories)
    start_date = datetime.date.fromisoformat(start)
    per_day = n_stories / days
    pending = {}            # day -> [story, ...], one entry per article to publish that day
    w = Writer(out)
    tf = open(truth, 'w', encoding='utf-8') if truth else None
    written = sid = day = 0
    owed = 0.0
    stats = {'articles': 0, 'stories': 0, 'reprints': 0, 'bytes': 0}
    while written < n:
        owed += per_day
        date = start_date + datetime.timedelta(days=day)
        while owed >= 1 or (not pending and written < n and sid == 0):
            owed -= 1
            sid += 1
            s = Story(world, sid, day, date, rng)
            offs = article_days(rng, story_size(rng))
            s.left = len(offs)
            for o in offs:
                pending.setdefault(day + o, []).append(s)
        today = pending.pop(day, [])
        rng.shuffle(today)
        secs = sorted(rng.randrange(5 * 3600, 23 * 3600) for _ in today)
        for s, sec in zip(today, secs):
            if written >= n:
                break
            pub = datetime.datetime.combine(date, datetime.time()) + datetime.timedelta(seconds=sec)
            outlet = world.outlets[rng.randrange(len(world.outlets))]
            dup = ''
            if s.first is not None and rng.random() < 0.1:
                title, paras = reprint(rng, s)
                dup = s.first[2]
                stats['reprints'] += 1
            else:
                title, paras = render_article(rng, world, s, date, outlet)
            written += 1
            aid = 'g%08d' % written
            if s.first is None:
                s.first = (title, paras, aid)
                stats['stories'] += 1
            s.left -= 1
            if s.left == 0:
                s.first = None      # the story is over: let it go
            rec = {'id': aid, 'outlet': outlet, 'published': pub.strftime('%Y-%m-%dT%H:%M:%SZ'),
                   'title': title, 'text': '\n\n'.join(paras)}
            line = (json.dumps(rec, ensure_ascii=False) + '\n').encode('utf-8')
            stats['bytes'] += len(line)
            w.write(line)
            if tf:
                tf.write('%s\t%d\t%s\n' % (aid, s.sid, dup))
            if progress and written % 100000 == 0:
                print('generate_articles: %d articles' % written, file=sys.stderr, flush=True)
        day += 1
    w.close()
    if tf:
        tf.close()
    stats['articles'] = written
    stats['days'] = day
    return stats


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--n', type=int, required=True, help='number of articles')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True, help='output .jsonl, or .jsonl.gz (multi-member gzip)')
    ap.add_argument('--truth', help='also write id, story, duplicate_of as TSV')
    ap.add_argument('--days', type=int, default=240, help='days the stories spread over')
    ap.add_argument('--start', default='2026-01-05', help='first publication date')
    args = ap.parse_args()
    stats = generate(args.n, args.seed, args.out, args.truth, args.days, args.start)
    print('generate_articles: wrote %(articles)d articles (%(stories)d stories, %(reprints)d reprints, '
          '%(days)d days, %(bytes)d bytes of JSON Lines) to ' % stats + args.out, file=sys.stderr)


if __name__ == '__main__':
    main()
