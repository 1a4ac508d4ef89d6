#!/usr/bin/env python3
"""slamodel: an independent reference model of slakit's service level rules.

Written from the documents only (the man pages' RULES, the header comments of
include/slakit/{compute,calendar,score}.h and the man pages), never from the C
sources, in Python 3 with the standard library only. It is meant to be slow
and obviously right:

  * time zones: zoneinfo; a wall-clock time that does not exist (spring gap)
    is moved forward by the length of the gap, one that exists twice (autumn
    fold) is taken at its first occurrence (sla-import(1), sla-calendar(1));
  * Dutch holidays: fixed dates, Koningsdag 27/4 (26/4 when the 27th is a
    Sunday), and the movable feasts from Easter by Gauss's algorithm (the C
    library uses the anonymous Gregorian algorithm; the self test checks
    Gauss against Lichtenberg's formula too);
  * business time: for every local day the working intervals as instants, and
    plain interval arithmetic, day by day;
  * per-ticket clocks, pauses, deadlines, verdicts and periods as
    sla-compute(1) "RULES" describes them;
  * % of norm, weighted domain score, staffel and malus cents with exact
    Fractions and half-up rounding as sla-score(1) "ARITHMETIC" describes.

Two things do not come from the documents: the after-hours response runs on
the priority's and the after-hours calendar together, as decided in commit
08b0987 (sla-compute(1) still says "the after-hours calendar only"); and the
ORACLE_RULES readings (VARIANT), which mimic the tools where they part from
the documents, written after the disagreements were found, for diagnosis.

It also holds the test driver: data generation with a fixed seed, running the
tools, and comparing. Subcommands (see main()):

  slamodel.py selftest
  slamodel.py gen-compute DIR           contracts a.ini and b.ini, tickets.csv,
                                        events.csv, pauses.csv, periods
  slamodel.py check-compute DIR         DIR/out/{a,b}/PERIOD.csv (sla-compute
                                        --format csv) against the model
  slamodel.py check-calendar BINDIR DIR sla-calendar between/add/next/holidays
  slamodel.py check-score BINDIR DIR    sla-score --kpi against the model

Besides comparing values, check-compute tests the promise of sla-compute(1)
that "a clock counts in exactly one period" on the tool's own monthly runs
(keys ...:counted-once:...).

Known disagreements (keys printed on a mismatch, fnmatch patterns allowed)
are read from the environment variable ORACLE_KNOWN (blank separated); they
are reported, not counted as failures. ORACLE_RULES switches the model to
another reading of a rule (see VARIANT below). ORACLE_SEED and
ORACLE_TICKETS change the data, for exploring; the test uses the defaults.
"""
import csv
import fnmatch
import io
import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta, timezone
from fractions import Fraction
from zoneinfo import ZoneInfo

SEED = int(os.environ.get("ORACLE_SEED", "20270328"))
# Alternative readings of rules where the tools and the documents part ways,
# for diagnosis (ORACLE_RULES=a,b): stop-field-if-later, response-stop-field,
# ah-only, overrun-month, scope-prefilter. The default is the documented rule.
VARIANT = set(filter(None, os.environ.get("ORACLE_RULES", "").split(",")))
EPOCH = datetime(1970, 1, 1)
UTC = timezone.utc
INF = float("inf")


# --------------------------------------------------------------------------
# Time zone: instants are integer seconds since 1970-01-01 UTC.
# --------------------------------------------------------------------------
class Zone:
    def __init__(self, name):
        self.name = name
        self.tz = ZoneInfo(name)

    def offset(self, t):
        """UTC offset in seconds in force at instant t."""
        dt = datetime.fromtimestamp(t, UTC).astimezone(self.tz)
        return int(dt.utcoffset().total_seconds())

    def local(self, t):
        """The naive local wall-clock datetime of instant t."""
        return EPOCH + timedelta(seconds=t + self.offset(t))

    def instant(self, naive):
        """Wall-clock time -> instant, by trying every offset around it.

        Exists once: that instant. Exists twice (fold): the first (earliest)
        one. Does not exist (gap): wall - offset_before_the_gap, i.e. moved
        forward by the length of the gap.
        """
        w = int((naive - EPOCH).total_seconds())
        offs = {self.offset(w - 86400), self.offset(w), self.offset(w + 86400)}
        valid = [w - o for o in offs if self.offset(w - o) == o]
        if valid:
            return min(valid)
        return w - self.offset(w - 86400 - 43200)


def fmt_local(zone, t):
    return zone.local(t).strftime("%Y-%m-%dT%H:%M:%S")


def fmt_offset(zone, t):
    o = zone.offset(t)
    s = "+" if o >= 0 else "-"
    o = abs(o)
    if o % 60:
        raise ValueError("offset with seconds")
    return zone.local(t).strftime("%Y-%m-%dT%H:%M:%S") + "%s%02d:%02d" % (s, o // 3600, o // 60 % 60)


def month_of(zone, t):
    return zone.local(t).strftime("%Y-%m")


def parse_time(zone, s):
    """The forms the driver writes: ISO date (space or T) with optional seconds,
    'Z' or ±HH:MM; or the Dutch day-first DD-MM-YYYY HH:MM."""
    s = s.strip()
    off = None
    if s.endswith("Z"):
        off, s = 0, s[:-1]
    elif len(s) > 6 and s[-6] in "+-" and s[-3] == ":":
        sign = 1 if s[-6] == "+" else -1
        off = sign * (int(s[-5:-3]) * 3600 + int(s[-2:]) * 60)
        s = s[:-6]
    s = s.replace("T", " ")
    if " " in s:
        d, tm = s.split(" ", 1)
    else:
        d, tm = s, "00:00"
    parts = d.split("-")
    if len(parts[0]) == 4:
        y, m, dd = int(parts[0]), int(parts[1]), int(parts[2])
    else:
        dd, m, y = int(parts[0]), int(parts[1]), int(parts[2])
    tp = [int(x) for x in tm.split(":")]
    while len(tp) < 3:
        tp.append(0)
    naive = datetime(y, m, dd, tp[0], tp[1], tp[2])
    if off is None:
        return zone.instant(naive)
    return int((naive - EPOCH).total_seconds()) - off


# --------------------------------------------------------------------------
# Dutch holidays.
# --------------------------------------------------------------------------
def easter_gauss(y):
    """Gregorian Easter Sunday by Gauss's algorithm with its two exceptions."""
    a, b, c = y % 19, y % 4, y % 7
    k = y // 100
    p = (13 + 8 * k) // 25
    q = k // 4
    M = (15 - p + k - q) % 30
    N = (4 + k - q) % 7
    d = (19 * a + M) % 30
    e = (2 * b + 4 * c + 6 * d + N) % 7
    if d == 29 and e == 6:
        return date(y, 4, 19)
    if d == 28 and e == 6 and (11 * M + 11) % 30 < 19:
        return date(y, 4, 18)
    return date(y, 3, 22) + timedelta(days=d + e)


def easter_lichtenberg(y):
    """Lichtenberg's (1997) formulation, used only to check Gauss."""
    K = y // 100
    M = 15 + (3 * K + 3) // 4 - (8 * K + 13) // 25
    S = 2 - (3 * K + 3) // 4
    A = y % 19
    D = (19 * A + M) % 30
    R = D // 29 + (D // 28 - D // 29) * (A // 11)
    OG = 21 + D - R
    SZ = 7 - (y + y // 4 + S) % 7
    OE = 7 - (OG - SZ) % 7
    return date(y, 3, 1) + timedelta(days=OG + OE - 1)


def nl_holidays(y, good_friday=False, liberation="every", royal=True):
    """{date: name} of the Dutch public holidays, Koningsdag by the rule in
    force since 2014; royal=False leaves Koningsdag and Bevrijdingsdag out
    (whose dates differ in earlier years)."""
    e = easter_gauss(y)
    h = {
        date(y, 1, 1): "Nieuwjaarsdag",
        e + timedelta(days=1): "Tweede Paasdag",
        e + timedelta(days=39): "Hemelvaartsdag",
        e + timedelta(days=50): "Tweede Pinksterdag",
        date(y, 12, 25): "Eerste Kerstdag",
        date(y, 12, 26): "Tweede Kerstdag",
    }
    k = date(y, 4, 27)
    if k.weekday() == 6:
        k = date(y, 4, 26)
    if royal:
        h[k] = "Koningsdag"
    if royal and (liberation == "every" or (liberation == "lustrum" and y % 5 == 0)):
        h[date(y, 5, 5)] = "Bevrijdingsdag"
    if good_friday:
        h[e - timedelta(days=2)] = "Goede Vrijdag"
    return h


# --------------------------------------------------------------------------
# Calendar.
# --------------------------------------------------------------------------
def hm(s):
    h, m = s.split(":")
    return int(h) * 3600 + int(m) * 60


class Calendar:
    """week: 7 lists (Monday first) of (start, end) seconds after local midnight."""

    def __init__(self, name, zone, week=None, always=False, holidays="nl",
                 good_friday=False, liberation="every", closed=(), standard_day=None):
        self.name = name
        self.zone = zone
        self.always = always
        self.week = week or [[] for _ in range(7)]
        self.holidays = None if always else holidays
        self.good_friday = good_friday
        self.liberation = liberation
        self.closed = dict(closed)
        self._days = {}
        self._hol = {}
        if standard_day is not None:
            self.standard_day = standard_day
        elif always:
            self.standard_day = 86400
        else:
            lengths = [sum(e - s for s, e in d) for d in self.week]
            best = max(lengths, key=lambda L: (lengths.count(L), L))
            self.standard_day = best

    def closed_days(self, y, royal=True):
        if self.always:
            return {}
        if not royal:
            h = {}
            if self.holidays == "nl":
                h.update(nl_holidays(y, self.good_friday, self.liberation, royal=False))
            for d, n in self.closed.items():
                if d.year == y:
                    h[d] = n or "gesloten"
            return h
        if y not in self._hol:
            h = {}
            if self.holidays == "nl":
                h.update(nl_holidays(y, self.good_friday, self.liberation))
            for d, n in self.closed.items():
                if d.year == y:
                    h[d] = n or "gesloten"
            self._hol[y] = h
        return self._hol[y]

    def day(self, d):
        """Working intervals of local date d as sorted, disjoint instants."""
        r = self._days.get(d)
        if r is not None:
            return r
        z = self.zone
        mid = datetime(d.year, d.month, d.day)
        if self.always:
            spans = [(0, 86400)]
        elif d in self.closed_days(d.year):
            spans = []
        else:
            spans = self.week[d.weekday()]
        r = []
        for s, e in spans:
            a = z.instant(mid + timedelta(seconds=s))
            b = z.instant(mid + timedelta(seconds=e))
            if b > a:
                r.append((a, b))
        self._days[d] = r
        return r

    def intervals(self, a, b):
        """All working intervals (instants) that overlap [a, b), clipped."""
        out = []
        d = self.zone.local(a).date() - timedelta(days=1)
        last = self.zone.local(b).date() + timedelta(days=1)
        while d <= last:
            for s, e in self.day(d):
                s2, e2 = max(s, a), min(e, b)
                if e2 > s2:
                    out.append((s2, e2))
            d += timedelta(days=1)
        return merge(out)

    def intervals_from(self, a):
        """Generator of working intervals after instant a (clipped at a)."""
        d = self.zone.local(a).date() - timedelta(days=1)
        while True:
            for s, e in self.day(d):
                if e > a:
                    yield (max(s, a), e)
            d += timedelta(days=1)
            if d.year > 2200:
                return

    def between(self, a, b):
        if b < a:
            return -self.between(b, a)
        return sum(e - s for s, e in self.intervals(a, b))

    def is_business(self, t):
        return any(s <= t < e for s, e in self.intervals(t, t + 1))

    def next_business(self, t):
        for s, e in self.intervals_from(t):
            return s
        return None

    def add(self, start, seconds, pauses=()):
        """First t >= start with business(start, t) - paused == seconds; None
        when an open-ended pause swallows the rest (unknown)."""
        if seconds == 0:
            return start
        left = seconds
        pauses = merge(pauses)
        open_from = min((s for s, e in pauses if e == INF), default=INF)
        for s, e in self.intervals_from(start):
            if s >= open_from:
                return None
            for s2, e2 in subtract([(s, e)], pauses):
                if e2 - s2 >= left:
                    return s2 + left
                left -= e2 - s2
        return None


def merge(iv):
    """Union of half-open intervals; touching ones are joined."""
    out = []
    for s, e in sorted(iv):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def subtract(a, b):
    """a minus b, both lists of intervals (b merged)."""
    out = []
    for s, e in a:
        cur = s
        for ps, pe in b:
            if pe <= cur or ps >= e:
                continue
            if ps > cur:
                out.append((cur, ps))
            cur = max(cur, pe)
            if cur >= e:
                break
        if cur < e:
            out.append((cur, e))
    return out


def length(iv):
    return sum(e - s for s, e in iv)


# --------------------------------------------------------------------------
# Durations (contract and sla-calendar add).
# --------------------------------------------------------------------------
UNITS = {"d": "d", "day": "d", "days": "d", "werkdag": "d", "werkdagen": "d",
         "h": "h", "u": "h", "uur": "h", "hour": "h", "hours": "h",
         "m": "m", "min": "m", "minuten": "m", "s": "s"}


def below(text):
    """A target written '< 15m' is met only below it (slakit-contract(5))."""
    t = text.strip()
    return t.startswith("<") and not t.startswith("<=")


def duration(text, cal):
    text = text.strip()
    for bound in ("<=", "\u2264", "<"):
        if text.startswith(bound):
            text = text[len(bound):].strip()
            break
    if text == "0":
        return 0
    total, i = 0, 0
    while i < len(text):
        while text[i] == " ":
            i += 1
        j = i
        while text[j].isdigit():
            j += 1
        n = int(text[i:j])
        k = j
        while k < len(text) and text[k] == " ":
            k += 1
        m = k
        while m < len(text) and text[m].isalpha():
            m += 1
        u = UNITS[text[k:m]]
        total += n * {"d": cal.standard_day, "h": 3600, "m": 60, "s": 1}[u]
        i = m
        while i < len(text) and text[i] == " ":
            i += 1
    return total


# --------------------------------------------------------------------------
# The compute contract (written out as INI by gen-compute, modelled here).
# --------------------------------------------------------------------------
ZONE = Zone("Europe/Amsterdam")

COMPUTE_INI = """\
; Written by tests/oracle/slamodel.py (gen-compute): the contract the oracle
; cross-check runs sla-compute with. Calendars with lunch breaks, Saturdays,
; Sunday night hours whose ends fall in the DST gap and fold, and a 24x7 one.
[contract]
id = oracle
name = Oracle cross-check
language = en
timezone = Europe/Amsterdam
calendar = office

[calendar.office]
mon-fri = 08:00-17:00
holidays = nl

[calendar.evening]
mon-fri = 17:00-22:00
holidays = nl

[calendar.split]
mon-thu = 08:00-12:00, 13:00-17:30
fri = 08:00-12:00
sat = 10:00-14:00
holidays = nl
good_friday = yes
closed = 2027-12-24 Kerstavond

[calendar.night]
mon-sat = 00:00-02:00, 20:00-24:00
sun = 00:30-02:30, 02:45-04:00, 20:00-24:00
holidays = none

[calendar.always]
24x7 = yes

[calendar.lustrum]
mon-fri = 09:00-12:30, 13:15-17:45
liberation_day = lustrum

[priority.P1]
name = Urgent
channel = phone
response = 15m
resolution = 4h
after_hours_calendar = evening
after_hours_response = 1h

[priority.P2]
name = High
calendar = split
response = 1h
resolution = 1d
resolution.request = 2d

[priority.P3]
name = Normal
response = 4h
resolution = 3d
response.change = 1d

[priority.P4]
name = Low
calendar = night
response.incident = 2h
resolution = 2d

[priority.P5]
name = Always
calendar = always
response = 30m
resolution = 1d

[rules]
pause_statuses = Waiting for customer, Wacht op derde
resolved_statuses = Resolved
closed_statuses = Closed
"""

# The same contract with the other choice of every [rules] decision that
# changes a clock or an exclusion, and targets met only below them ("< 15
# minuten") where a: meets them up to and at the limit.
STRICT_B = {"\nresponse = 15m": "\nresponse = < 15m", "\nresponse = 1h\n": "\nresponse = <1h\n",
            "resolution.request = 2d": "resolution.request = <2d",
            "\nresponse = 4h": "\nresponse = \u2264 4h", "response.incident = 2h": "response.incident = <= 2h",
            "\nresponse = 30m": "\nresponse = < 30m", "resolution = 1d\n\n[rules]": "resolution = < 1d\n\n[rules]",
            "after_hours_response = 1h": "after_hours_response = < 1h"}
COMPUTE_INI_B = COMPUTE_INI.replace("id = oracle\n", "id = oracle-b\n")
for _a, _b in STRICT_B.items():
    assert _a in COMPUTE_INI_B, _a
    COMPUTE_INI_B = COMPUTE_INI_B.replace(_a, _b, 1)
COMPUTE_INI_B += """\
resolution_start = responded
reopen_resets = yes
wrong_channel = count
"""
CONTRACTS = {"a": COMPUTE_INI, "b": COMPUTE_INI_B}


def compute_calendars():
    z = ZONE
    wk = lambda spec: [list(spec.get(i, [])) for i in range(7)]
    office = Calendar("office", z, wk({i: [(hm("08:00"), hm("17:00"))] for i in range(5)}))
    evening = Calendar("evening", z, wk({i: [(hm("17:00"), hm("22:00"))] for i in range(5)}))
    sp = {i: [(hm("08:00"), hm("12:00")), (hm("13:00"), hm("17:30"))] for i in range(4)}
    sp[4] = [(hm("08:00"), hm("12:00"))]
    sp[5] = [(hm("10:00"), hm("14:00"))]
    split = Calendar("split", z, wk(sp), good_friday=True,
                     closed=[(date(2027, 12, 24), "Kerstavond")])
    ni = {i: [(hm("00:00"), hm("02:00")), (hm("20:00"), 86400)] for i in range(6)}
    ni[6] = [(hm("00:30"), hm("02:30")), (hm("02:45"), hm("04:00")), (hm("20:00"), 86400)]
    night = Calendar("night", z, wk(ni), holidays=None)
    always = Calendar("always", z, always=True)
    lus = Calendar("lustrum", z, wk({i: [(hm("09:00"), hm("12:30")), (hm("13:15"), hm("17:45"))]
                                     for i in range(5)}), liberation="lustrum")
    return {c.name: c for c in (office, evening, split, night, always, lus)}


class Priority:
    def __init__(self, pid, cal, response, resolution, channel=None, ah_cal=None, ah_resp=None):
        self.id, self.cal, self.channel = pid, cal, channel
        self.response, self.resolution = response, resolution  # {type or '*': text}
        self.ah_cal, self.ah_resp = ah_cal, ah_resp
        self.ah_union = None
        if ah_cal is not None:
            # The after-hours response runs on the priority's calendar and the
            # after-hours one together (commit 08b0987: "21:30 + 1 h is 08:30
            # next morning, not 17:30 next evening"); the base's holidays.
            week = [merge(cal.week[w] + ah_cal.week[w]) for w in range(7)]
            self.ah_union = Calendar(cal.name + "+" + ah_cal.name, cal.zone, week,
                                     holidays=cal.holidays, good_friday=cal.good_friday,
                                     liberation=cal.liberation, closed=cal.closed.items(),
                                     standard_day=cal.standard_day)

    def text(self, which, ttype):
        t = (self.response if which == "response" else self.resolution)
        return t.get(ttype, t.get("*"))

    def target(self, which, ttype, cal):
        txt = self.text(which, ttype)
        return None if txt is None else duration(txt, cal)

    def below(self, which, ttype):
        txt = self.text(which, ttype)
        return txt is not None and below(txt)


class ComputeContract:
    def __init__(self, which="a"):
        self.from_responded = self.reopen_resets = self.wrong_channel_count = which == "b"
        self.cals = compute_calendars()
        c = self.cals
        s = "<" if which == "b" else ""  # the bounds of COMPUTE_INI_B (STRICT_B)
        self.prio = {
            "P1": Priority("P1", c["office"], {"*": s + "15m"}, {"*": "4h"}, "phone", c["evening"],
                           s + "1h"),
            "P2": Priority("P2", c["split"], {"*": s + "1h"}, {"*": "1d", "request": s + "2d"}),
            "P3": Priority("P3", c["office"], {"*": "4h", "change": "1d"}, {"*": "3d"}),
            "P4": Priority("P4", c["night"], {"incident": "2h"}, {"*": "2d"}),
            "P5": Priority("P5", c["always"], {"*": s + "30m"}, {"*": s + "1d"}),
        }
        self.pause = {"waiting for customer", "wacht op derde"}
        self.resolved = {"resolved"}
        self.closed = {"closed"}
        self.working = set()

    def meaning(self, status):
        """sla-compute(1) STATUSES: the contract's lists decide the words they
        name; any other word means what its import stored, here the map's
        [statuses] (EVENTS_MAP): "pause", "done" or None."""
        s = status.lower()
        if s in self.pause:
            return "pause"
        if s in self.resolved or s in self.closed:
            return "done"
        if s in self.working:
            return None
        return MAP_MEANING.get(s)


# The map the events are imported with (sla-import --map): words the
# contracts do not list, so their meaning is the map's.
MAP_MEANING = {"parked": "pause", "afgerond": "done"}
EVENTS_MAP = """[map]
kind = events
[statuses]
paused = Parked
resolved = Afgerond
"""


# --------------------------------------------------------------------------
# Tickets and their verdicts.
# --------------------------------------------------------------------------
class Ticket:
    def __init__(self, tid, ttype, prio, channel, reported):
        self.id, self.type, self.prio, self.channel = tid, ttype, prio, channel
        self.reported = reported
        self.responded = self.resolved_at = self.closed_at = None
        self.events = []   # (instant, status)
        self.pauses = []   # (start, end or None)


class Clock:
    def __init__(self):
        self.state = "n/a"
        self.seconds = self.target = self.deadline = self.period = None
        self.paused = 0
        self.start = None


def ticket_stops(c, t):
    """(resolution stop or None, reopened?, pauses from the history)."""
    ev = sorted(t.events)
    mean = [c.meaning(s) for _, s in ev]
    done = [m == "done" for m in mean]
    reopened = any(done[i] and not done[i + 1] for i in range(len(ev) - 1))
    # the final run of resolved/closed statuses
    f = len(ev)
    while f > 0 and done[f - 1]:
        f -= 1
    field = t.resolved_at if t.resolved_at is not None else t.closed_at
    last_active = max((at for (at, _), d in zip(ev, done) if not d), default=None)
    if "stop-field-if-later" in VARIANT and field is not None and \
            (last_active is None or field >= last_active):
        stop = field
    elif any(done):
        # sla-compute(1): a history ending in resolved/closed stopped where
        # that final run began, or at the export's earlier resolution time
        # when no work came after it; ending otherwise: reopened, running.
        if f < len(ev):
            stop = ev[f][0]
            if field is not None and (last_active is None or field >= last_active) \
                    and field < stop:
                stop = field
        else:
            stop = None
    else:
        stop = field
    pauses = []
    for i, (at, s) in enumerate(ev):
        nxt = ev[i + 1][0] if i + 1 < len(ev) else INF
        if mean[i] == "pause":
            pauses.append((at, nxt))
        elif done[i] and i < f and not c.reopen_resets:
            pauses.append((at, nxt))  # resolved, then reopened: waiting
    for s, e in t.pauses:
        if e is None:
            pauses.append((s, INF))
        elif e > s:
            pauses.append((s, e))
    return stop, reopened, merge(pauses)


def run_clock(cal, frm, stop, target, pauses, E, strict=False):
    k = Clock()
    if target is None:
        return k
    k.target = target
    # "< 15m": 15 minutes exactly is over; "15m": met up to and at it.
    limit = target - 1 if strict and target > 0 else target
    k.start = cal.next_business(frm)
    running = stop is None or stop > E
    end = E if running else stop
    work = cal.intervals(k.start, end) if end > k.start else []
    kept = subtract(work, pauses)
    k.seconds = length(kept)
    k.paused = length(work) - k.seconds
    k.deadline = cal.add(k.start, target, pauses)
    if not running:
        k.state = "met" if k.seconds <= limit else "breached"
    elif k.seconds > limit:
        k.state = "breached"
    else:
        k.state = "pending"
    if k.state == "met":
        k.period = month_of(ZONE, stop)
    elif k.state == "breached":
        # sla-compute(1): the month in which the target was first exceeded (the
        # first working, unpaused second after the deadline).
        over = cal.add(k.start, limit + 1, pauses) - 1
        k.period = month_of(ZONE, over)
    return k


def verdict(c, t, E):
    p = c.prio[t.prio]
    cal = p.cal
    res_stop, reopened, pauses = ticket_stops(c, t)
    # Without a response time the response stops at the first resolution:
    # the export's time or the first resolved/closed status, the earlier.
    first_done = min((at for at, st in t.events if c.meaning(st) == "done"), default=None)
    field = t.resolved_at if t.resolved_at is not None else t.closed_at
    firsts = [x for x in (field, first_done) if x is not None]
    resp_stop = t.responded if t.responded is not None else (min(firsts) if firsts else None)
    if t.responded is None and "response-stop-field" in VARIANT and t.resolved_at is not None:
        resp_stop = t.resolved_at
    flags = set()
    excluded = 0
    if p.channel and not t.channel:
        # sla-compute(1): an export without the channel proves nothing either
        # way: counted, listed apart.
        flags.add("channel-unknown")
    elif p.channel and t.channel != p.channel:
        flags.add("wrong-channel")
        excluded = 0 if c.wrong_channel_count else 1
    if reopened:
        flags.add("reopened")
    rcal, rtarget = cal, p.target("response", t.type, cal)
    rbelow = p.below("response", t.type)
    if p.ah_cal is not None and not cal.is_business(t.reported) and p.ah_cal.is_business(t.reported):
        rcal = p.ah_cal if "ah-only" in VARIANT else p.ah_union
        rtarget = duration(p.ah_resp, p.ah_cal)
        rbelow = below(p.ah_resp)
        flags.add("after-hours")
    resp = run_clock(rcal, t.reported, resp_stop, rtarget, [], E, rbelow)
    res_from = t.reported
    if c.from_responded:
        if t.responded is not None:
            res_from = t.responded
        else:
            flags.add("no-response-time")
    res = run_clock(cal, res_from, res_stop, p.target("resolution", t.type, cal), pauses, E,
                    p.below("resolution", t.type))
    return resp, res, flags, excluded


CSV_COLS = ["id", "type", "priority", "response_seconds", "response_target_seconds",
            "response_met", "resolution_seconds", "resolution_target_seconds",
            "resolution_met", "reported_at", "response_deadline", "resolution_deadline",
            "resolution_paused_seconds", "response_period", "resolution_period", "state",
            "excluded", "flags", "calendar"]


def model_row(c, t, E, months):
    """The CSV row the model expects for period (evaluated at E, covering the
    months), or None when the ticket is out of scope."""
    if t.reported >= E:
        return None
    if "scope-prefilter" in VARIANT:  # the tool's SQL shortcut (results.c SCOPE)
        S = ZONE.instant(datetime.strptime(min(months) + "-01", "%Y-%m-%d"))
        if (t.resolved_at is not None or t.closed_at is not None) and not any(
                x is not None and x >= S for x in (t.resolved_at, t.closed_at, t.responded)) \
                and not any(at >= S for at, _ in t.events):
            return None
    resp, res, flags, excl = verdict(c, t, E)
    clocks = (resp, res)
    pending = any(k.state == "pending" for k in clocks)
    counts = any(k.period in months for k in clocks if k.state in ("met", "breached"))
    if not (pending or counts):
        return None

    def f(v):
        return "" if v is None else str(v)

    def met(k):
        return {"met": "1", "breached": "0"}.get(k.state, "")

    def dl(k):
        return "" if k.deadline is None else fmt_local(ZONE, k.deadline)

    return {
        "id": t.id, "type": t.type, "priority": t.prio,
        "response_seconds": f(resp.seconds), "response_target_seconds": f(resp.target),
        "response_met": met(resp),
        "resolution_seconds": f(res.seconds), "resolution_target_seconds": f(res.target),
        "resolution_met": met(res),
        "reported_at": fmt_local(ZONE, t.reported),
        "response_deadline": dl(resp), "resolution_deadline": dl(res),
        "resolution_paused_seconds": f(res.paused if res.state != "n/a" else None),
        "response_period": f(resp.period), "resolution_period": f(res.period),
        "state": "pending" if pending else "decided",
        "excluded": str(excl),
        "flags": ",".join(sorted(flags)),
        "calendar": c.prio[t.prio].cal.name,
    }


# --------------------------------------------------------------------------
# Random tickets.
# --------------------------------------------------------------------------
FOCUS = [date(2027, 1, 1), date(2027, 1, 29), date(2027, 1, 31), date(2027, 2, 26),
         date(2027, 3, 25), date(2027, 3, 26), date(2027, 3, 27), date(2027, 3, 28),
         date(2027, 3, 29), date(2027, 3, 30), date(2027, 3, 31), date(2027, 4, 26),
         date(2027, 4, 27), date(2027, 4, 30), date(2027, 5, 4), date(2027, 5, 5),
         date(2027, 5, 6), date(2027, 5, 7), date(2027, 5, 14), date(2027, 5, 17),
         date(2027, 6, 30), date(2027, 8, 31), date(2027, 9, 30), date(2027, 10, 29),
         date(2027, 10, 30), date(2027, 10, 31), date(2027, 11, 1), date(2027, 11, 30),
         date(2027, 12, 23), date(2027, 12, 24), date(2027, 12, 27), date(2027, 12, 31)]
EDGES = ["00:00", "00:30", "01:59", "02:00", "02:30", "02:45", "03:00", "07:59", "08:00",
         "11:59", "12:00", "12:30", "13:00", "16:59", "17:00", "17:29", "17:30", "20:00",
         "21:59", "22:00", "23:59"]


class Stamp:
    """An instant and how the export writes it."""

    def __init__(self, t, text):
        self.t, self.text = t, text


def stamp_naive(rnd, naive):
    t = ZONE.instant(naive)
    fmt = "%Y-%m-%d %H:%M" if naive.second == 0 and rnd.random() < 0.7 else "%Y-%m-%dT%H:%M:%S"
    return Stamp(t, naive.strftime(fmt))


def stamp(rnd, t):
    loc = ZONE.local(t)
    if ZONE.instant(loc) == t and rnd.random() < 0.8:
        fmt = "%Y-%m-%d %H:%M" if loc.second == 0 and rnd.random() < 0.7 else "%Y-%m-%d %H:%M:%S"
        return Stamp(t, loc.strftime(fmt))
    if rnd.random() < 0.3:
        return Stamp(t, datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    return Stamp(t, fmt_offset(ZONE, t))


def rand_delay(rnd, kind):
    r = rnd.random()
    if kind == "response":
        if r < 0.1:
            return 0
        if r < 0.55:
            return rnd.randint(1, 60) * 60
        if r < 0.85:
            return rnd.randint(1, 16 * 60) * 60
        return rnd.randint(1, 5 * 1440) * 60 + rnd.choice([0, 0, rnd.randint(1, 59)])
    if r < 0.3:
        return rnd.randint(1, 240) * 60
    if r < 0.7:
        return rnd.randint(1, 3 * 1440) * 60
    return rnd.randint(1, 20 * 1440) * 60 + rnd.choice([0, 0, rnd.randint(1, 59)])


def gen_tickets(rnd, n):
    tickets = []
    for i in range(1, n + 1):
        tid = "T-%04d" % i
        pr = rnd.choices(["P1", "P2", "P3", "P4", "P5"], [20, 25, 25, 15, 15])[0]
        ttype = rnd.choices(["incident", "request", "change"], [60, 30, 10])[0]
        if pr == "P1":
            channel = rnd.choices(["phone", "portal", "email", ""], [80, 10, 5, 5])[0]
        else:
            channel = rnd.choice(["phone", "portal", "email", "chat", ""])
        dst = rnd.random() < 0.1
        if dst:  # the nights the clocks change, in local times of the gap and fold
            d = rnd.choice([date(2027, 3, 27), date(2027, 3, 28), date(2027, 10, 30), date(2027, 10, 31)])
            if rnd.random() < 0.5:
                pr = rnd.choice(["P4", "P5"])
        elif rnd.random() < 0.45:
            d = rnd.choice(FOCUS)
        else:
            d = date(2027, 1, 1) + timedelta(days=rnd.randrange(354))
        if dst and rnd.random() < 0.7:
            naive = datetime(d.year, d.month, d.day) + timedelta(minutes=rnd.randrange(60, 300))
        elif rnd.random() < 0.35:
            hhmm = rnd.choice(EDGES)
            naive = datetime(d.year, d.month, d.day, int(hhmm[:2]), int(hhmm[3:]))
        else:
            naive = datetime(d.year, d.month, d.day) + timedelta(minutes=rnd.randrange(1440))
            if rnd.random() < 0.15:
                naive += timedelta(seconds=rnd.randint(1, 59))
        rep = stamp_naive(rnd, naive)
        t = Ticket(tid, ttype, pr, channel, rep.t)
        t.rep_text = rep.text
        t.texts = {}
        # timeline
        cur = rep.t
        resp = None
        if rnd.random() < 0.9:
            resp = cur + rand_delay(rnd, "response")
            cur = resp
        end_kind = rnd.choices(["resolved", "open", "closed-only"], [70, 20, 10])[0]
        events = []
        first_res = None
        if rnd.random() < 0.75:
            if resp is None or resp > rep.t:
                if rnd.random() < 0.5:
                    events.append((rep.t, "New"))
            tt = resp if resp is not None else rep.t + 60
            events.append((tt, "In progress"))
            cur = tt
            for _ in range(rnd.choice([0, 0, 1, 1, 2, 3])):
                w = cur + rnd.randint(1, 3 * 1440) * 60
                st = rnd.choice(["Waiting for customer", "Wacht op derde", "WAITING FOR CUSTOMER",
                                 "wacht op derde"])
                events.append((w, st))
                cur = w
                if rnd.random() < 0.15 and end_kind == "open":
                    break  # still waiting
                if rnd.random() < 0.2:
                    cur += rnd.randint(1, 2 * 1440) * 60
                    events.append((cur, rnd.choice(["Waiting for customer", "Wacht op derde"])))
                cur += rnd.randint(1, 4 * 1440) * 60
                events.append((cur, "In progress"))
                if rnd.random() < 0.15:  # premature resolution, reopened
                    cur += rnd.randint(1, 1440) * 60
                    events.append((cur, "Resolved"))
                    first_res = first_res or cur
                    if rnd.random() < 0.3:
                        cur += rnd.randint(1, 600) * 60
                        events.append((cur, "Closed"))
                    cur += rnd.randint(1, 3 * 1440) * 60
                    events.append((cur, rnd.choice(["In progress", "Waiting for customer"])))
        hist_rc = False
        if first_res is not None and rnd.random() < 0.4:
            # the export kept the first resolution time
            t.resolved_at = first_res
            if end_kind == "resolved":
                end_kind = "resolved-first"
        if end_kind != "open":
            cur += rand_delay(rnd, "resolution")
            fin = cur
            if end_kind == "resolved-first":
                pass
            elif events and rnd.random() < 0.85:
                events.append((fin, "Resolved" if end_kind == "resolved" else "Closed"))
                hist_rc = True
                if end_kind == "resolved" and rnd.random() < 0.4:
                    events.append((fin + rnd.randint(1, 5 * 1440) * 60, "Closed"))
            if end_kind == "resolved-first":
                events.append((fin, "Resolved"))
                if rnd.random() < 0.4:
                    t.closed_at = fin + rnd.randint(0, 3 * 1440) * 60
            elif end_kind == "resolved":
                r = rnd.random()
                if r < 0.75:
                    t.resolved_at = fin
                elif r < 0.85 and hist_rc:
                    t.resolved_at = fin + rnd.randint(-600, 600) * 60
                    if t.resolved_at < max(rep.t, resp or rep.t):
                        t.resolved_at = fin
                elif not hist_rc:
                    t.resolved_at = fin
                if rnd.random() < 0.5:
                    t.closed_at = max(fin, t.resolved_at or fin) + rnd.randint(0, 3 * 1440) * 60
            else:
                t.closed_at = fin
        elif t.resolved_at is not None:
            pass
        elif rnd.random() < 0.1 and events:
            # says resolved, but the history says open again
            t.resolved_at = events[-1][0] - 60 if events[-1][0] - 60 >= rep.t else None
        elif rnd.random() < 0.15 and events:
            # resolved, the export keeps that, then reopened and waiting
            r = events[-1][0] + rnd.randint(1, 2 * 1440) * 60
            events.append((r, "Resolved"))
            events.append((r + rnd.randint(1, 2 * 1440) * 60, "Waiting for customer"))
            t.resolved_at = r
        t.responded = resp
        t.events = events
        # explicit pauses
        if rnd.random() < 0.25:
            starts = set()
            for _ in range(rnd.choice([1, 1, 2])):
                s = rep.t + rnd.randint(0, 10 * 1440) * 60
                if s in starts:
                    continue
                starts.add(s)
                e = None if rnd.random() < 0.15 else s + rnd.randint(10, 5 * 1440) * 60
                t.pauses.append((s, e))
        tickets.append(t)
    # texts for every instant
    for t in tickets:
        t.texts = {}
        for k in ("responded", "resolved_at", "closed_at"):
            v = getattr(t, k)
            if v is not None:
                t.texts[k] = stamp(rnd, v).text
        t.ev_texts = [(stamp(rnd, at).text, s) for at, s in t.events]
        t.p_texts = [(stamp(rnd, s).text, "" if e is None else stamp(rnd, e).text) for s, e in t.pauses]
    # Words only the map gives a meaning (MAP_MEANING), without drawing on
    # the random stream: every sixth ticket parks instead of waiting for a
    # third party, another sixth is "Afgerond" instead of "Resolved".
    for t in tickets:
        k = int(t.id.split("-")[1]) % 6
        swap = {1: ("Wacht op derde", "Parked"), 4: ("Resolved", "Afgerond")}.get(k)
        if swap:
            t.ev_texts = [(at, swap[1] if st == swap[0] else st) for at, st in t.ev_texts]
    return tickets


def write_compute_inputs(d, tickets):
    for name, text in CONTRACTS.items():
        with open(os.path.join(d, name + ".ini"), "w") as f:
            f.write(text)
    with open(os.path.join(d, "events.map"), "w") as f:
        f.write(EVENTS_MAP)
    with open(os.path.join(d, "tickets.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "type", "priority", "reported_at", "responded_at", "resolved_at",
                    "closed_at", "channel"])
        for t in tickets:
            w.writerow([t.id, t.type, t.prio, t.rep_text, t.texts.get("responded", ""),
                        t.texts.get("resolved_at", ""), t.texts.get("closed_at", ""), t.channel])
    with open(os.path.join(d, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ticket_id", "at", "status"])
        for t in tickets:
            for at, s in t.ev_texts:
                w.writerow([t.id, at, s])
    with open(os.path.join(d, "pauses.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ticket_id", "start", "end", "reason"])
        for t in tickets:
            for s, e in t.p_texts:
                w.writerow([t.id, s, e, "oracle"])


def read_compute_inputs(d):
    """Read the tickets back from the CSV files the tools import, so that the
    model judges exactly what sla-import was given (its own parser)."""
    tickets = {}
    with open(os.path.join(d, "tickets.csv"), newline="") as f:
        for r in csv.DictReader(f):
            t = Ticket(r["id"], r["type"], r["priority"], r["channel"],
                       parse_time(ZONE, r["reported_at"]))
            for col, attr in (("responded_at", "responded"), ("resolved_at", "resolved_at"),
                              ("closed_at", "closed_at")):
                if r[col]:
                    setattr(t, attr, parse_time(ZONE, r[col]))
            tickets[t.id] = t
    with open(os.path.join(d, "events.csv"), newline="") as f:
        for r in csv.DictReader(f):
            tickets[r["ticket_id"]].events.append((parse_time(ZONE, r["at"]), r["status"]))
    with open(os.path.join(d, "pauses.csv"), newline="") as f:
        for r in csv.DictReader(f):
            tickets[r["ticket_id"]].pauses.append(
                (parse_time(ZONE, r["start"]), parse_time(ZONE, r["end"]) if r["end"] else None))
    return [tickets[k] for k in sorted(tickets)]


COMPUTE_PERIODS = ["2027-%02d" % m for m in range(1, 13)] + ["2028-01", "2027-Q1", "2027-Q2",
                                                             "2027-Q3", "2027-Q4"]


def period_bounds(p):
    """(months, evaluation instant E) of a period label."""
    if "-Q" in p:
        y, q = int(p[:4]), int(p[-1])
        ms = [(y, 3 * q - 2 + i) for i in range(3)]
    else:
        y, m = int(p[:4]), int(p[5:7])
        ms = [(y, m)]
    ly, lm = ms[-1]
    ny, nm = (ly + 1, 1) if lm == 12 else (ly, lm + 1)
    return {"%04d-%02d" % ym for ym in ms}, ZONE.instant(datetime(ny, nm, 1))


# --------------------------------------------------------------------------
# Reporting mismatches.
# --------------------------------------------------------------------------
class Report:
    def __init__(self, what):
        self.what = what
        self.known = set(os.environ.get("ORACLE_KNOWN", "").split())
        self.fail = 0
        self.known_hit = set()
        self.known_n = 0
        self.cases = 0

    def mismatch(self, key, msg):
        hit = [k for k in self.known if fnmatch.fnmatchcase(key, k)]
        if hit:
            self.known_hit.update(hit)
            self.known_n += 1
            print("KNOWN  %s: %s" % (key, msg))
        else:
            self.fail += 1
            if self.fail <= 200:
                print("FAIL   %s: %s" % (key, msg))

    def done(self):
        mine = {k for k in self.known if k.startswith(self.what + ":")}
        for k in sorted(mine - self.known_hit):
            print("NOTE   %s is listed as a known disagreement but agrees now" % k)
        print("%s: %d cases, %d mismatches, %d known" % (self.what, self.cases, self.fail,
                                                        self.known_n))
        return 1 if self.fail else 0


def check_compute(d):
    tickets = read_compute_inputs(d)
    rep = Report("compute")
    for which in sorted(CONTRACTS):
        check_compute_contract(d, which, tickets, rep)
    return rep.done()


def data_horizon(tickets):
    """sla-compute(1) HORIZON: the latest instant the imported ticket, event
    and pause files name (no file here states an export time)."""
    h = None
    for t in tickets:
        for x in [t.reported, t.responded, t.resolved_at, t.closed_at] + \
                [at for at, _ in t.events] + [x for p in t.pauses for x in p]:
            if x is not None and (h is None or x > h):
                h = x
    return h


def check_compute_contract(d, which, tickets, rep):
    c = ComputeContract(which)
    counted = {}  # (ticket, clock) -> monthly runs it counts in, by the tool
    H = data_horizon(tickets)
    for p in COMPUTE_PERIODS:
        months, E = period_bounds(p)
        # Clocks are judged where the data ends when that comes first.
        E = min(E, H + 1)
        path = os.path.join(d, "out", which, p + ".csv")
        with open(path, newline="") as f:
            rows = list(csv.DictReader(f))
        got = {r["id"]: r for r in rows}
        if "-Q" not in p:
            for r in rows:
                for k in ("response", "resolution"):
                    if r[k + "_met"] != "" and r[k + "_period"] == p:
                        counted.setdefault((r["id"], k), []).append(p)
        if rows and list(rows[0].keys()) != CSV_COLS:
            rep.mismatch("compute:%s:header" % which, "columns %s" % list(rows[0].keys()))
        for t in tickets:
            rep.cases += 1
            want = model_row(c, t, E, months)
            have = got.get(t.id)
            if want is None and have is None:
                continue
            if want is None or have is None:
                rep.mismatch("compute:%s:%s:scope" % (which, t.id),
                             "%s: tool %s, model %s" % (p, "lists it" if have else "does not list it",
                                                        "lists it" if want else "does not"))
                if have is None:
                    print("         model: %s" % ",".join(want[k] for k in CSV_COLS))
                else:
                    print("         tool:  %s" % ",".join(have[k] for k in CSV_COLS))
                continue
            for k in CSV_COLS:
                a, b = have[k], want[k]
                if k == "flags":
                    a = ",".join(sorted(x for x in a.split(",") if x))
                if a != b:
                    rep.mismatch("compute:%s:%s:%s" % (which, t.id, k),
                                 "%s: tool %r, model %r" % (p, a, b))
    # sla-compute(1): "A clock counts in exactly one period". Every clock that
    # is decided by the end of the last month run, in a month that was run,
    # must count in exactly one of the monthly runs.
    months = [p for p in COMPUTE_PERIODS if "-Q" not in p]
    _, E = period_bounds(months[-1])
    E = min(E, H + 1)
    for t in tickets:
        resp, res, _, _ = verdict(c, t, E)
        for name, k in (("response", resp), ("resolution", res)):
            rep.cases += 1
            n = counted.get((t.id, name), [])
            if (k.state in ("met", "breached") and k.period in months and len(n) != 1) or len(n) > 1:
                rep.mismatch("compute:%s:%s:counted-once:%s" % (which, t.id, name),
                             "the %s clock (%s, deadline %s, period %s) counts in %d monthly runs %s" % (
                                 name, k.state, fmt_local(ZONE, k.deadline) if k.deadline else "-",
                                 k.period, len(n), n))


# --------------------------------------------------------------------------
# sla-calendar cross-check.
# --------------------------------------------------------------------------
def run_many(cmds, workers=4):
    def one(cmd):
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        return r.returncode, r.stdout.strip(), r.stderr.strip()
    with ThreadPoolExecutor(workers) as ex:
        return list(ex.map(one, cmds))


def rand_instant(rnd):
    r = rnd.random()
    if r < 0.55:
        d = rnd.choice(FOCUS) + timedelta(days=rnd.randint(-1, 1))
    elif r < 0.8:
        d = date(2026, 1, 1) + timedelta(days=rnd.randrange(3 * 365))
    else:
        d = date(1901, 1, 1) + timedelta(days=rnd.randrange(297 * 365))
    if rnd.random() < 0.4:
        e = rnd.choice(EDGES + ["04:00", "10:00", "14:00"])
        naive = datetime(d.year, d.month, d.day, int(e[:2]), int(e[3:]))
    else:
        naive = datetime(d.year, d.month, d.day) + timedelta(seconds=rnd.randrange(86400))
    return naive


def time_text(rnd, naive):
    """(text for sla-calendar, instant)."""
    r = rnd.random()
    t = ZONE.instant(naive)
    if r < 0.55:
        return naive.strftime("%Y-%m-%dT%H:%M:%S"), t
    if r < 0.75:
        return naive.strftime("%Y-%m-%d %H:%M:%S"), t
    if r < 0.85:
        return naive.strftime("%d-%m-%Y %H:%M:%S"), t
    t2 = t + rnd.choice([0, 3600])  # the fold's second occurrence, say
    if r < 0.93 or ZONE.offset(t2) % 60:
        u = datetime.fromtimestamp(t + rnd.choice([0, 3600, -1800]), UTC)
        return u.strftime("%Y-%m-%dT%H:%M:%SZ"), int((u.replace(tzinfo=None) - EPOCH).total_seconds())
    return fmt_offset(ZONE, t2), t2


def rand_span(rnd):
    r = rnd.random()
    if r < 0.35:
        return rnd.randrange(4 * 3600)
    if r < 0.65:
        return rnd.randrange(4 * 86400)
    if r < 0.92:
        return rnd.randrange(60 * 86400)
    return rnd.randrange(400 * 86400)


def rand_duration(rnd, cal):
    r = rnd.random()
    if r < 0.12:
        return "0"
    if r < 0.5:
        return "%ds" % rnd.randrange(1, 3 * 86400)
    if r < 0.65:
        return "%dh%dm" % (rnd.randrange(0, 60), rnd.randrange(1, 60))
    if r < 0.75:
        return "%dd" % rnd.randrange(1, 30)
    if r < 0.85:
        return rnd.choice(["2 werkdagen", "4 uur", "15 min", "1 day", "8 hours", "1 werkdag",
                           "3 werkdagen 2 uur"])
    return "%dm" % rnd.randrange(1, 600)


def check_calendar(bindir, d, n_between=1600, n_add=900, n_next=300):
    rnd = random.Random(SEED + 1)
    contract = os.path.join(d, "a.ini")
    if not os.path.exists(contract):
        with open(contract, "w") as f:
            f.write(COMPUTE_INI)
    cals = compute_calendars()
    tool = os.path.join(bindir, "sla-calendar")
    rep = Report("calendar")
    cases = []   # (key, cmd, expected, description)
    names = ["office", "split", "night", "always", "evening", "lustrum"]
    old = ["night", "always"]  # holiday-free: Koningsdag moved before 2014
    for i in range(n_between):
        na = rand_instant(rnd)
        cal = cals[rnd.choice(names if na.year >= 2014 else old)]
        ta, a = time_text(rnd, na)
        span = rand_span(rnd)
        if rnd.random() < 0.1:
            span = -span
        tb_naive = ZONE.local(a + span)
        if rnd.random() < 0.2:  # round to the hour: land on edges
            tb_naive = tb_naive.replace(minute=0, second=0)
        if tb_naive.year > 2198 or tb_naive.year < 1901 or (na.year >= 2014) != (tb_naive.year >= 2014):
            tb_naive = na
        tb, b = time_text(rnd, tb_naive)
        cases.append(("calendar:between:%d" % i,
                      [tool, "-c", contract, "--calendar", cal.name, "between", ta, tb],
                      lambda cal=cal, a=a, b=b: str(cal.between(a, b)),
                      "%s between %s %s" % (cal.name, ta, tb)))
    for i in range(n_add):
        na = rand_instant(rnd)
        cal = cals[rnd.choice(names if na.year >= 2014 else old)]
        ta, a = time_text(rnd, na)
        dur = rand_duration(rnd, cal)
        cases.append(("calendar:add:%d" % i,
                      [tool, "-c", contract, "--calendar", cal.name, "add", ta, dur],
                      lambda cal=cal, a=a, dur=dur: fmt_local(ZONE, cal.add(a, duration(dur, cal))),
                      "%s add %s %s" % (cal.name, ta, dur)))
    for i in range(n_next):
        na = rand_instant(rnd)
        cal = cals[rnd.choice(names if na.year >= 2014 else old)]
        ta, a = time_text(rnd, na)
        cases.append(("calendar:next:%d" % i,
                      [tool, "-c", contract, "--calendar", cal.name, "next", ta],
                      lambda cal=cal, a=a: fmt_local(ZONE, cal.next_business(a)),
                      "%s next %s" % (cal.name, ta)))
    # holidays: the Easter-based and fixed days every year 1900-2199; the whole
    # list (with Koningsdag and Bevrijdingsdag) from 2014, when the current
    # Koningsdag rule began.
    for y in range(1900, 2200):
        for cal in (cals["office"], cals["split"], cals["lustrum"]):
            def want(cal=cal, y=y):
                h = cal.closed_days(y, royal=y >= 2014)
                if y < 2014:
                    h.pop(date(y, 5, 5), None)
                return "\n".join("%s\t%s" % (k.isoformat(), v) for k, v in sorted(h.items()))
            cases.append(("calendar:holidays:%s:%d" % (cal.name, y),
                          [tool, "-c", contract, "--calendar", cal.name, "holidays", str(y)],
                          want, "%s holidays %d" % (cal.name, y)))
    results = run_many([c[1] for c in cases])
    for (key, cmd, want, desc), (rc, out, err) in zip(cases, results):
        rep.cases += 1
        w = want()
        if key.startswith("calendar:holidays:") and int(key.rsplit(":", 1)[1]) < 2014:
            out = "\n".join(ln for ln in out.splitlines() if not any(
                x in ln for x in ("Koningsdag", "Koninginnedag", "Bevrijdingsdag", "-05-05\t")))
        if rc != 0 or out != w:
            rep.mismatch(key, "%s: tool %r (exit %d%s), model %r" % (
                desc, out, rc, (", " + err) if err else "", w))
    return rep.done()


# --------------------------------------------------------------------------
# sla-score: % of norm, domain score, staffel, malus.
# --------------------------------------------------------------------------
def half_up(x, dec):
    s = 10 ** dec
    n = x * s
    q = (abs(n.numerator) * 2 + n.denominator) // (2 * n.denominator)
    return Fraction(q if n >= 0 else -q, s)


def fixed(x, dec):
    """A Fraction already rounded to dec decimals, as text."""
    s = 10 ** dec
    n = x * s
    assert n.denominator == 1
    v = abs(n.numerator)
    sign = "-" if n < 0 else ""
    if dec == 0:
        return sign + str(v)
    return "%s%d.%0*d" % (sign, v // s, dec, v % s)


def dec(text):
    text = text.strip().rstrip("%").strip().replace(",", ".")
    return Fraction(text)


MONTHS = {"monthly": 1, "quarterly": 3, "halfyearly": 6, "yearly": 12,
          "month": 1, "quarter": 3, "halfyear": 6, "year": 12}


class Kpi:
    def __init__(self, kid, norm, weight, lower=False, unit="%", freq="monthly", norm_per=None,
                 pro_rata=False):
        self.id, self.norm, self.weight, self.lower, self.unit = kid, Fraction(norm), Fraction(weight), lower, unit
        self.norm_text, self.weight_text = norm, weight
        self.freq, self.norm_per, self.pro_rata = freq, norm_per, pro_rata

    def norm_for(self, period):
        """The norm of the window measured in @period (slakit-contract(5) pro_rata)."""
        window = max(MONTHS[self.freq], 1 if "-" in period and "Q" not in period else 3)
        if self.pro_rata and MONTHS[self.norm_per] != window:
            return self.norm * window / MONTHS[self.norm_per]
        return self.norm


class Domain:
    def __init__(self, did, invoice, kpis, normalise=False):
        self.id, self.invoice, self.kpis, self.normalise = did, invoice, kpis, normalise


class ScoreContract:
    def __init__(self, name, cap, pct_dec, score_dec, staffel, domains):
        self.name, self.cap, self.pct_dec, self.score_dec = name, cap, pct_dec, score_dec
        self.staffel, self.domains = staffel, domains   # staffel: [(min, malus, escalate)]

    def ini(self):
        out = ["; Written by tests/oracle/slamodel.py (check-score).", "[contract]",
               "id = %s" % self.name, "language = en", "timezone = Europe/Amsterdam", "",
               "[calendar.office]", "mon-fri = 08:00-17:00", "",
               "[priority.P1]", "response = 1h", "resolution = 4h", ""]
        for dm in self.domains:
            out += ["[domain.%s]" % dm.id, "name = Domain %s" % dm.id, "service = Service %s" % dm.id,
                    "invoice = %s" % dm.invoice]
            if dm.normalise:
                out.append("weights = normalise")
            out.append("")
            for k in dm.kpis:
                out += ["[kpi.%s.%s]" % (dm.id, k.id), "norm = %s" % k.norm_text,
                        "weight = %s" % k.weight_text, "unit = %s" % k.unit]
                if k.lower:
                    out.append("direction = lower")
                out.append("frequency = %s" % k.freq)
                if k.norm_per:
                    out += ["norm_per = %s" % k.norm_per, "pro_rata = %s" % ("yes" if k.pro_rata else "no")]
                out.append("")
        out.append("[staffel]")
        for m, p, esc in self.staffel:
            out.append("step = %s %s%s" % (m, p, " escalate" if esc else ""))
        out += ["", "[rules]", "cap = %s" % ("yes" if self.cap else "no"),
                "pct_decimals = %d" % self.pct_dec, "score_decimals = %d" % self.score_dec, ""]
        return "\n".join(out)

    def pct(self, k, measured, period):
        norm = k.norm_for(period)
        if k.lower:
            raw = Fraction(100) if measured == 0 else norm / measured * 100
        else:
            raw = measured / norm * 100
        p = half_up(raw, self.pct_dec)
        capped = self.cap and p > 100
        return (Fraction(100) if capped else p), capped

    def domain(self, dm, values, invoice_cents, period):
        quarter = "Q" in period
        rows = {}
        wsum = sum(k.weight for k in dm.kpis)
        total = Fraction(0)
        for k in dm.kpis:
            p, capped = self.pct(k, values[k.id], period)
            total += p * k.weight
            rows[k.id] = (p, capped, half_up(p * k.weight / wsum, 6))
        score = half_up(total / wsum, self.score_dec)
        step = max((s for s in self.staffel if score >= Fraction(s[0])), key=lambda s: Fraction(s[0]))
        malus = Fraction(step[1])
        cents = half_up(malus * invoice_cents / 100, 0) if quarter else None
        return rows, score, malus, step[2], cents


def score_contracts():
    a = Domain("alpha", "18000.00", [Kpi("a1", "80", "25"), Kpi("a2", "99.8", "40"),
                                     Kpi("a3", "3", "25", lower=True), Kpi("a4", "2", "10", unit="count", freq="halfyearly",
                                                                norm_per="year", pro_rata=True)])
    b = Domain("beta", "24000.00", [Kpi("b1", "100", "45"), Kpi("b2", "95", "35"), Kpi("b3", "100", "25"),
                                     Kpi("b4", "1", "5", unit="count", freq="yearly", norm_per="quarter",
                                         pro_rata=True)],
               normalise=True)
    g = Domain("gamma", "1000.05", [Kpi("g1", "0.5", "12.5", lower=True), Kpi("g2", "7.25", "37.5", unit="score"),
                                    Kpi("g3", "99.95", "50")])
    st1 = [("95.00", "0", False), ("90.00", "0.5", False), ("80.00", "1", False), ("0", "2", True)]
    st2 = [("98", "0", False), ("93.5", "1.25", False), ("75", "3.333", False), ("0", "5", True)]
    return [ScoreContract("oracle-score-cap", True, 1, 2, st1, [a, b, g]),
            ScoreContract("oracle-score-nocap", False, 2, 1, st2, [a, b, g]),
            ScoreContract("oracle-score-round", True, 0, 3, st1, [a, b, g])]


def rand_value(rnd, k, period):
    r = rnd.random()
    norm = k.norm_for(period)
    if r < 0.08:
        v = Fraction(0)
    elif r < 0.15:
        v = norm
    elif r < 0.3:  # land on a half in the last decimal of % of norm
        v = norm * Fraction(rnd.randrange(1000, 2000) * 2 + 1, 4000)
        v = half_up(v, 6)
    else:
        v = norm * Fraction(rnd.randrange(0, 1300001), 1000000)
        v = half_up(v, rnd.randrange(0, 7))
    txt = fixed(v, 6).rstrip("0").rstrip(".") if v.denominator != 1 else str(v.numerator)
    r = rnd.random()
    if r < 0.15:
        txt = txt.replace(".", ",")
    elif r < 0.25:
        txt += "%"
    return v, txt


# % of norm factors that put a domain score on or next to a staffel step
BOUNDARY = [Fraction(x) for x in ("1", "0.95", "0.9", "0.8", "0.98", "0.935", "0.75", "0.79995",
                                  "0.949949", "0.94995", "0.89995", "0.934999", "1.05", "0.5")]


def check_score(bindir, d, runs=120):
    rnd = random.Random(SEED + 2)
    tool = os.path.join(bindir, "sla-score")
    rep = Report("score")
    cases = []
    for sc in score_contracts():
        path = os.path.join(d, sc.name + ".ini")
        with open(path, "w") as f:
            f.write(sc.ini())
        for i in range(runs + len(BOUNDARY)):
            period = rnd.choice(["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4", "2027-05"])
            if i >= runs:
                period = "2027-Q%d" % (i % 4 + 1)
            values, args = {}, []
            for dm in sc.domains:
                for k in dm.kpis:
                    v, txt = rand_value(rnd, k, period)
                    if i >= runs:  # every KPI at the same % of norm: staffel edges
                        f = BOUNDARY[i - runs]
                        norm = k.norm_for(period)
                        v = half_up(norm / f if k.lower else norm * f, 6)
                        txt = fixed(v, 6)
                    values[k.id] = v
                    kid = k.id if rnd.random() < 0.5 else "%s.%s" % (dm.id, k.id)
                    args += ["--kpi", "%s=%s" % (kid, txt)]
            invoices = {dm.id: int(Fraction(dm.invoice) * 100) for dm in sc.domains}
            cmd = [tool, "-c", path, "-p", period, "--format", "csv"] + args
            if (rnd.random() < 0.4 or i >= runs) and "Q" in period:
                ipath = os.path.join(d, "%s-inv-%d.csv" % (sc.name, i))
                dutch = rnd.random() < 0.5
                lines = ["period;domain;amount" if dutch else "period,domain,amount"]
                for dm in sc.domains:
                    if rnd.random() < 0.7 or i >= runs:
                        cents = rnd.randrange(0, 5000000)
                        if i >= runs or rnd.random() < 0.2:
                            cents = 40 + 80 * rnd.randrange(0, 60000)  # x 1.25 % = n.5 cents
                        invoices[dm.id] = cents
                        if dutch:
                            e = "{:,}".format(cents // 100).replace(",", ".")
                            amt = "%s,%02d" % (e, cents % 100)
                            lines.append("%s;%s;%s" % (period, dm.id.upper(), amt))
                        else:
                            lines.append("%s,%s,%d.%02d" % (period, dm.id, cents // 100, cents % 100))
                with open(ipath, "w") as f:
                    f.write("\n".join(lines) + "\n")
                cmd += ["--invoice", ipath]
            cases.append((sc, i, period, values, invoices, cmd))
    results = run_many([c[5] for c in cases])
    for (sc, i, period, values, invoices, cmd), (rc, out, err) in zip(cases, results):
        key = "score:%s:%d" % (sc.name, i)
        rep.cases += 1
        if rc != 0:
            rep.mismatch(key, "exit %d: %s\n         %s" % (rc, err, " ".join(cmd)))
            continue
        got = {(r["domain"], r["kpi"]): r for r in csv.DictReader(io.StringIO(out))}
        quarter = "Q" in period
        problems = []
        for dm in sc.domains:
            rows, score, malus, esc, cents = sc.domain(dm, values, invoices[dm.id], period)
            for k in dm.kpis:
                r = got.get((dm.id, k.id))
                if r is None:
                    problems.append("%s.%s missing" % (dm.id, k.id))
                    continue
                p, capped, contrib = rows[k.id]
                checks = [("measured", dec(r["measured"]) == values[k.id], r["measured"], values[k.id]),
                          ("pct_of_norm", r["pct_of_norm"] == fixed(p, sc.pct_dec), r["pct_of_norm"],
                           fixed(p, sc.pct_dec)),
                          ("contribution", r["contribution"] != "" and dec(r["contribution"]) == contrib,
                           r["contribution"], fixed(contrib, 6)),
                          ("domain_score", r["domain_score"] == fixed(score, sc.score_dec),
                           r["domain_score"], fixed(score, sc.score_dec)),
                          ("malus_percent", r["malus_percent"] != "" and dec(r["malus_percent"]) == malus,
                           r["malus_percent"], malus),
                          ("escalation", r["escalation"] == ("1" if esc else "0"), r["escalation"], esc),
                          ("malus_cents", r["malus_cents"] == ("" if cents is None else str(cents)),
                           r["malus_cents"], cents)]
                for name, ok, a, b in checks:
                    if not ok:
                        problems.append("%s.%s %s: tool %s, model %s (value %s)" % (
                            dm.id, k.id, name, a, b, values[k.id]))
        if problems:
            rep.mismatch(key, "; ".join(problems[:6]) + "\n         " + " ".join(cmd))
    return rep.done()


# --------------------------------------------------------------------------
# Self test of the model against facts worked out by hand.
# --------------------------------------------------------------------------
def selftest():
    for y in range(1583, 4100):
        assert easter_gauss(y) == easter_lichtenberg(y), y
    # a few known Easter Sundays
    for y, m, d in [(1900, 4, 15), (1954, 4, 18), (1981, 4, 19), (2000, 4, 23), (2008, 3, 23),
                    (2011, 4, 24), (2019, 4, 21), (2027, 3, 28), (2038, 4, 25), (2049, 4, 18),
                    (2076, 4, 19), (2100, 3, 28), (2160, 3, 23)]:
        assert easter_gauss(y) == date(y, m, d), (y, easter_gauss(y))
    z = ZONE
    # gap and fold
    assert fmt_offset(z, z.instant(datetime(2027, 3, 28, 2, 30))) == "2027-03-28T03:30:00+02:00"
    assert z.instant(datetime(2027, 10, 31, 2, 30)) == parse_time(z, "2027-10-31T00:30:00Z")
    for naive in [datetime(2027, 3, 28, 2, 0) + timedelta(minutes=m) for m in range(0, 120, 7)] + \
                 [datetime(2027, 10, 31, 1, 30) + timedelta(minutes=m) for m in range(0, 120, 7)]:
        py = int(naive.replace(tzinfo=z.tz, fold=0).timestamp())
        assert z.instant(naive) == py, naive
    cals = compute_calendars()
    o = cals["office"]
    T = lambda s: parse_time(z, s)
    # the examples of sla-calendar(1)
    assert o.between(T("2027-01-08 16:00"), T("2027-01-11 10:00")) == 10800
    assert fmt_local(z, o.add(T("2027-01-08 16:00"), 7200)) == "2027-01-11T09:00:00"
    assert fmt_local(z, o.add(T("2027-01-08 16:00"), 32400)) == "2027-01-11T16:00:00"
    assert fmt_local(z, o.add(T("2027-03-26 16:00"), 7200)) == "2027-03-30T09:00:00"
    assert fmt_local(z, o.next_business(T("2027-03-27 12:00"))) == "2027-03-30T08:00:00"
    assert fmt_local(z, o.add(T("2027-01-11 16:00"), 3600)) == "2027-01-11T17:00:00"
    assert cals["always"].between(T("2027-03-28 00:00"), T("2027-03-29 00:00")) == 82800
    assert cals["always"].between(T("2027-10-31 00:00"), T("2027-11-01 00:00")) == 90000
    assert o.standard_day == 32400 and cals["split"].standard_day == 30600
    assert cals["night"].standard_day == 6 * 3600 and cals["evening"].standard_day == 18000
    assert cals["lustrum"].standard_day == 8 * 3600
    assert date(2030, 5, 5) in cals["lustrum"].closed_days(2030)
    assert date(2031, 5, 5) not in cals["lustrum"].closed_days(2031)
    # night on the DST Sundays: 00:30-02:30 -> 00:30 CET .. 03:30 CEST = 2 h;
    # 02:45-04:00 -> 03:45 CEST .. 04:00 CEST = 15 min; 20:00-24:00 = 4 h
    assert cals["night"].between(T("2027-03-28 00:00"), T("2027-03-29 00:00")) == 7200 + 900 + 14400
    # 00:30 CEST .. 02:30 CEST = 2 h; 02:45 CEST .. 04:00 CET = 2 h 15 min
    assert cals["night"].between(T("2027-10-31 00:00"), T("2027-11-01 00:00")) == 7200 + 8100 + 14400
    assert sorted(nl_holidays(2027)) == [date(2027, 1, 1), date(2027, 3, 29), date(2027, 4, 27),
                                         date(2027, 5, 5), date(2027, 5, 6), date(2027, 5, 17),
                                         date(2027, 12, 25), date(2027, 12, 26)]
    assert date(2025, 4, 26) in nl_holidays(2025)
    # the hand-worked tickets of tests/e2e/compute_cli.sh (C-1, C-4)
    c = ComputeContract()
    c.prio["P2"] = Priority("P2", o, {"*": "4h"}, {"*": "1d"})
    c.prio["P3"] = Priority("P3", o, {"*": "1d"}, {"*": "3d"})
    t = Ticket("C-1", "incident", "P2", "phone", T("2027-01-08 16:55"))
    t.responded, t.resolved_at = T("2027-01-11 10:00"), T("2027-01-11 16:00")
    _, E = period_bounds("2027-01")
    row = model_row(c, t, E, {"2027-01"})
    assert (row["response_seconds"], row["resolution_seconds"], row["response_deadline"],
            row["resolution_deadline"]) == ("7500", "29100", "2027-01-11T11:55:00",
                                            "2027-01-11T16:55:00"), row
    t = Ticket("C-4", "incident", "P3", "phone", T("2027-01-20 09:00"))
    t.responded, t.resolved_at = T("2027-01-20 09:30"), T("2027-02-10 09:00")
    t.events = [(T("2027-01-20 10:00"), "Waiting for customer"), (T("2027-02-09 09:00"), "In progress")]
    row = model_row(c, t, E, {"2027-01"})
    assert (row["resolution_seconds"], row["resolution_deadline"], row["resolution_paused_seconds"],
            row["state"]) == ("3600", "2027-02-11T17:00:00", "252000", "pending"), row
    # the DHS worked example
    k = [Kpi("r", "80", "25"), Kpi("f", "70", "40"), Kpi("h", "100", "25"), Kpi("t", "2", "10")]
    sc = ScoreContract("x", True, 1, 2, [("95.00", "0", False), ("90.00", "0.5", False),
                                         ("80.00", "1", False), ("0", "2", True)], [])
    rows, score, malus, esc, cents = sc.domain(Domain("sd", "18000.00", k),
                                               {"r": 75, "f": 68, "h": 98, "t": 1}, 1800000, "2027-Q1")
    assert [fixed(rows[x][0], 1) for x in "rfht"] == ["93.8", "97.1", "98.0", "50.0"]
    # pro rata: 2 per year over a half year is 1; 1 per quarter over a year is 4
    assert Kpi("t", "2", "10", unit="count", freq="halfyearly", norm_per="year", pro_rata=True).norm_for("2027-Q1") == 1
    assert Kpi("t", "1", "10", unit="count", freq="yearly", norm_per="quarter", pro_rata=True).norm_for("2027-05") == 4
    assert Kpi("t", "2", "10", unit="count", freq="halfyearly", norm_per="year").norm_for("2027-Q1") == 2
    assert fixed(score, 2) == "91.79" and malus == Fraction(1, 2) and cents == 9000 and not esc
    assert half_up(Fraction(-5, 2), 0) == -3 and half_up(Fraction(25, 1000), 2) == Fraction(3, 100)
    print("selftest: ok")
    return 0


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd = argv[1]
    if cmd == "selftest":
        return selftest()
    if cmd == "gen-compute":
        d = argv[2]
        tickets = gen_tickets(random.Random(SEED), int(os.environ.get("ORACLE_TICKETS", "400")))
        write_compute_inputs(d, tickets)
        with open(os.path.join(d, "periods"), "w") as f:
            f.write("\n".join(COMPUTE_PERIODS) + "\n")
        print("gen-compute: %d tickets, %d events, %d pauses" % (
            len(tickets), sum(len(t.events) for t in tickets), sum(len(t.pauses) for t in tickets)))
        return 0
    if cmd == "check-compute":
        return check_compute(argv[2])
    if cmd == "check-calendar":
        return check_calendar(argv[2], argv[3])
    if cmd == "check-score":
        return check_score(argv[2], argv[3])
    print("unknown command %s" % cmd, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
