"""A deterministic synthetic newsroom: articles and the facts editors verified.

A fixed *world* (people with titles, incidents with death tolls, meetings with
who came, quotes with who said them, organisations, house spellings) is drawn
from a seeded random generator. Articles are assembled from news sentence
templates about items of that world, chosen with a Zipf-like popularity (the
mayor is in many stories, most councillors in a few), so every fact's terms
appear in a realistic fraction of articles. A small share of sentences carries
an error an editor would catch (a misspelled name, a wrong title, an altered
quote, a toll out of range, an absent person placed at a meeting, a forbidden
wording), so some facts fail, as they do in a real run.

``generate(out, articles=N, facts=M)`` writes ``out/articles/**.txt`` (and some
``.md``/``.html``) and ``out/facts/*.yaml``. The same arguments always give the
same bytes.
"""

from __future__ import annotations

import importlib.util
import random
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("spelling", "pattern", "quantity", "quote", "attendance", "role")

FIRST = """James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara
Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty
Mark Margaret Donald Sandra Steven Ashley Paul Kimberly Andrew Emily Joshua Donna Kenneth Michelle
Kevin Carol Brian Amanda George Melissa Timothy Deborah Ronald Stephanie Jason Rebecca Edward
Laura Jeffrey Helen Ryan Sharon Jacob Cynthia Gary Kathleen Nicholas Amy Eric Angela Jonathan
Anna Stephen Brenda Larry Pamela Justin Emma Scott Nicole Brandon Samantha Benjamin Katherine
Samuel Christine Gregory Rachel Alexander Catherine Patrick Carolyn Frank Janet Raymond Ruth Jack
Maria Dennis Heather Jerry Diane Tyler Virginia Aaron Julie Jose Joyce Adam Victoria Henry Olivia
Nathan Kelly Douglas Christina Zachary Lauren Peter Joan Kyle Evelyn Noah Judith Ethan Megan
Jeremy Andrea Walter Cheryl Christian Hannah Keith Jacqueline Roger Martha Terry Gloria Austin
Teresa Sean Ann Gerald Sara Carl Madison Harold Frances Dylan Kathryn Arthur Janice Lawrence Jean
Jordan Abigail Jesse Alice Bryan Judy Billy Sophia Bruce Grace Gabriel Denise Joe Amber Logan
Doris Alan Marilyn Juan Danielle Albert Beverly Willie Isabella Elijah Theresa Wayne Diana Randy
Natalie Vincent Brittany Mason Charlotte Roy Marie Ralph Kayla Bobby Alexis Russell Lori Bradley
Priya Aisha Mohammed Fatima Wei Mei Hiroshi Yuki Olumide Chioma Siobhan Niamh Sergei Olga
Zoë José Renée Björn Søren Dóra Łukasz Çağla Agnieszka Dmitri Ingrid Rhys Eilidh Declan""".split()

LAST = """Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore
Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott
Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker
Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Bailey Reed Kelly Howard
Cox Ward Richardson Watson Brooks Wood James Bennett Gray Hughes Price Sanders Myers Long Ross
Foster Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Fisher Vasquez
Simmons Graham Marshall Owens Harrison Gibson Wallace Ellis McDonald Cole West Jordan Reynolds
Hamilton Ford Wells Hayes Patel Okafor Nakamura Kowalski Novak Lindqvist Haddad Nguyen Chen Singh
O'Brien O'Connor MacLeod Fitzgerald Gallagher Pritchard Llewellyn Abernathy Blackwood Whitfield
Ashworth Pemberton Hargreaves Thornton Whitaker Oduya Mensah Adeyemi Kaminski Dubois Moreau
Fernández García Müller Schäfer Ødegaard Kılıç Nowak Horvath Papadopoulos Rossi
Bianchi Costa""".split()

TOWNS = """Ashford Millbrook Carlow Dunmore Eastleigh Fenwick Glenbrook Harwood Ivybridge Kelso
Lanark Marston Northwood Oakham Pembury Queensferry Redhill Saltash Thornbury Upton Wexcombe
Yarrow Ambleside Brackley Chesham Dorking Ely Frome Goole Hexham Ilkley Keswick Ledbury Malton
Nairn Otley Penrith Ripon Selby Tring Ulverston Wetherby Alston Bakewell Cromer Dunbar""".split()

PLACES = ("warehouse", "apartment block", "care home", "factory", "hotel", "school",
          "bus depot", "shopping centre", "chemical plant", "nightclub", "hospital wing")
DISASTERS = ("fire", "explosion", "collapse", "flood", "gas leak", "crash")
MEETINGS = ("planning committee meeting", "council budget meeting", "police and crime panel",
            "health board meeting", "harbour trust meeting", "schools forum",
            "transport summit", "flood defence summit")
OFFICES = ("Mayor of {town}", "{town} council leader", "Chief Constable of {town} Police",
           "{town} MP", "chair of the {town} health board", "{town} fire chief",
           "head of {town} Council's housing department", "{town} harbour master",
           "chief executive of {town} General Hospital", "{town} planning officer")
ORGS = ("{town} Borough Council", "{town} Police", "{town} General Hospital",
        "{town} Chamber of Commerce", "{town} Harbour Trust", "{town} Fire and Rescue Service")
SPEECH = ("said", "told reporters", "added", "insisted", "warned", "argued", "noted", "claimed")

# Quotes are assembled from fragments with slots ({town}, {place}, {month},
# {day}, {org}) at most four words apart, so that, as in real reporting, a run
# of five words of one person's remark is rarely in another person's remark
# (generator 1 had slot-free fragments: every quote fact's five-word runs were
# in ~60 % of all articles, which no newsroom's quotes are).
QUOTE_OPEN = ("We will not let {town}", "Nobody in {town}", "The people of {town}",
              "I told {org} on {day}", "This council in {town}", "Our officers in {town}",
              "Every family in {town}", "The evidence from {place}", "We owe {town}",
              "No question in {town}")
QUOTE_MID = ("see no delay at {place}", "should wait until {month} for answers on "
             "{place}", "deserve a full {place} inquiry by {month}", "know the {org} budget "
             "must protect {town} services", "has listened to {town} residents since {month}",
             "worked through {day} night to keep the {place} safe",
             "will receive {org} support promised in {month}",
             "knew the {place} warnings were ignored until {month}",
             "owe victims at the {place} an account by {month}",
             "know lessons from the {place} must reach {org}")
QUOTE_END = ("whatever {org} says", "before {month}", "for {town}", "as {org} promised",
             "once {org} acts", "in {month} for {town}", "as quickly as {org} can",
             "with {org} behind us")

FILLER = (
    "The council said it would publish a full report later this month.",
    "Residents have been invited to a public meeting at the town hall on {day}.",
    "The proposals will go out to consultation in the spring.",
    "Traffic was diverted for several hours while emergency crews worked at the scene.",
    "A spokesperson declined to comment on the figures.",
    "The road reopened shortly after {hour} on {day} evening.",
    "Opposition councillors called for an urgent review of the decision.",
    "The scheme is expected to cost around £{money} million over five years.",
    "Local businesses say footfall has fallen by {pct} per cent since January.",
    "An online petition calling for a rethink has gathered more than {big} signatures.",
    "Police have appealed for witnesses to come forward.",
    "The figures were described as \u201cdeeply worrying\u201d by campaigners.",
    "Work on the new bypass is due to begin in {month}.",
    "A decision is expected at the next full council meeting in {month}.",
    "The charity said demand for its services had doubled in two years.",
    "Schools in the area will remain open, the local authority confirmed.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "September",
          "October", "November", "December")
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
                9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 15: "fifteen", 20: "twenty"}
VARIANTS = {"Sergei": "Sergey", "Mohammed": "Muhammad", "Catherine": "Katherine",
            "Jon": "John", "Stephen": "Steven", "Ann": "Anne", "Philip": "Phillip",
            "Sean": "Shaun", "Zoë": "Zoe", "Geoffrey": "Jeffrey", "Dmitri": "Dmitry",
            "Jacqueline": "Jaqueline", "Rebecca": "Rebekah", "Theresa": "Teresa"}


@dataclass
class Person:
    id: str
    first: str
    last: str
    title: str
    wrong_title: str
    misspelled: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class Incident:
    id: str
    town: str
    name: str  # "Millbrook warehouse fire"
    toll: int


@dataclass
class Meeting:
    id: str
    name: str
    present: list[str]
    absent: list[str]


@dataclass
class Quote:
    id: str
    speaker: str
    text: str


@dataclass
class World:
    people: list[Person] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    orgs: list[tuple[str, str]] = field(default_factory=list)  # (short, full)
    towns: list[str] = field(default_factory=list)


def _misspell(rnd: random.Random, first: str, last: str) -> str:
    if first in VARIANTS:
        return f"{VARIANTS[first]} {last}"
    for i in range(1, len(last) - 1):
        c = last[i]
        if c in "lnrst" and last[i + 1] != c and last[i - 1] != c:
            return f"{first} {last[:i]}{c}{last[i:]}"  # doubled consonant
    return f"{first} {last[:-1]}{last[-1]}e"


def build_world(seed: int = 7, people: int = 3000) -> World:
    rnd = random.Random(seed)
    w = World(towns=list(TOWNS))
    used: set[str] = set()
    while len(w.people) < people:
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        last_used = {p.last for p in w.people}
        if f"{first} {last}" in used or (last in last_used and rnd.random() < 0.9):
            # Keep most last words distinct (shared ones lose their bare form).
            last = last + rnd.choice(("", "-" + rnd.choice(LAST)))
            if f"{first} {last}" in used:
                continue
        used.add(f"{first} {last}")
        town = rnd.choice(TOWNS)
        title = rnd.choice(OFFICES).format(town=town)
        wrong = rnd.choice([o for o in OFFICES if o.format(town=town) != title]).format(
            town=town)
        w.people.append(Person(f"p{len(w.people)}", first, last, title, wrong,
                               _misspell(rnd, first, last)))
    for i in range(max(50, people // 4)):
        town = rnd.choice(TOWNS)
        w.incidents.append(Incident(
            f"incident{i}", town, f"{town} {rnd.choice(PLACES)} {rnd.choice(DISASTERS)}",
            rnd.choice((2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 17, 19, 23, 31, 45, 60))))
    for i in range(max(40, people // 4)):
        town = rnd.choice(TOWNS)
        crowd = rnd.sample(range(len(w.people)), 6)
        w.meetings.append(Meeting(f"meeting{i}", f"{town} {rnd.choice(MEETINGS)} #{i}"
                                  .replace(f" #{i}", f" {rnd.choice(MONTHS)} {i % 28 + 1}"),
                                  [w.people[k].id for k in crowd[:4]],
                                  [w.people[k].id for k in crowd[4:]]))
    for i in range(max(100, people)):
        speaker = rnd.randrange(len(w.people))
        town = rnd.choice(TOWNS)
        def fill(fragment: str, town: str = town) -> str:
            return fragment.format(
                town=town if rnd.random() < 0.5 else rnd.choice(TOWNS),
                place=f"{rnd.choice(TOWNS)} {rnd.choice(PLACES)}",
                org=rnd.choice(ORGS).format(town=rnd.choice(TOWNS)),
                month=rnd.choice(MONTHS), day=rnd.choice(DAYS))
        text = (f"{fill(rnd.choice(QUOTE_OPEN))} {fill(rnd.choice(QUOTE_MID))} "
                f"{fill(rnd.choice(QUOTE_END))}, {rnd.choice(('and', 'but'))} "
                f"{rnd.choice(('residents', 'families', 'taxpayers'))} of {town} "
                f"{rnd.choice(('know that', 'expect nothing less', 'deserve better'))}.")
        w.quotes.append(Quote(f"quote{i}", w.people[speaker].id, text))
    for town in TOWNS:
        for org in ORGS:
            full = org.format(town=town)
            w.orgs.append((full.split()[0] + " " + full.split()[-1], full))
    return w


class Popular:
    """Zipf-like choice: item k is picked with weight 1/(k+1)^s."""

    def __init__(self, n: int, s: float = 1.0) -> None:
        acc = 0.0
        self.cum = []
        for k in range(n):
            acc += 1.0 / (k + 1) ** s
            self.cum.append(acc)

    def pick(self, rnd: random.Random) -> int:
        import bisect

        return bisect.bisect_left(self.cum, rnd.random() * self.cum[-1])


def _number(rnd: random.Random, n: int) -> str:
    form = rnd.random()
    if form < 0.3 and n in NUMBER_WORDS:
        return NUMBER_WORDS[n]
    if form < 0.45:
        return f"at least {n}"
    if form < 0.55:
        return f"about {n}"
    return str(n)


class Writer:
    """Writes one article at a time from the world."""

    def __init__(self, world: World, seed: int, error_rate: float = 0.03) -> None:
        self.w = world
        self.rnd = random.Random(seed)
        self.err = error_rate
        self.pop_people = Popular(len(world.people), 1.05)
        self.pop_inc = Popular(len(world.incidents), 0.9)
        self.pop_meet = Popular(len(world.meetings), 0.9)
        self.pop_quote = Popular(len(world.quotes), 0.9)
        self.by_id = {p.id: p for p in world.people}

    def person(self) -> Person:
        return self.w.people[self.pop_people.pick(self.rnd)]

    def name(self, p: Person, first_mention: bool) -> str:
        r = self.rnd
        if r.random() < self.err / 2:
            return p.misspelled
        if first_mention:
            return p.name
        return r.choice((f"Mr {p.last}", f"Ms {p.last}", p.last, p.name)) if r.random() < 0.7 \
            else p.name

    def titled(self, p: Person) -> str:
        r = self.rnd
        title = p.wrong_title if r.random() < self.err else p.title
        if r.random() < 0.5:
            return f"{title[0].upper()}{title[1:]} {p.name}"
        return f"{p.name}, the {title},"

    def sentences(self) -> list[str]:
        r = self.rnd
        kind = r.random()
        out: list[str] = []
        if kind < 0.22:
            inc = self.w.incidents[self.pop_inc.pick(r)]
            toll = inc.toll if r.random() > self.err else inc.toll * 3 + 5
            out.append(f"The {inc.name}, which killed {_number(r, toll)} people, "
                       f"is now the subject of an inquiry.")
            out.append(f"Firefighters were called to the scene shortly after "
                       f"{r.randint(1, 11)}.{r.randint(10, 59)}pm on {r.choice(DAYS)}.")
            if r.random() < 0.5:
                out.append(f"{r.choice(('Dozens', 'Scores'))} of residents were evacuated "
                           f"from nearby homes, and {r.randint(2, 40)} were treated for smoke "
                           f"inhalation.")
        elif kind < 0.42:
            q = self.w.quotes[self.pop_quote.pick(r)]
            p = self.by_id[q.speaker]
            if r.random() < self.err:
                p = self.person()  # misattributed
            words = q.text.rstrip(".").split()
            if r.random() < self.err:
                k = r.randrange(len(words))
                words[k] = r.choice(("never", "always", "quickly", "all"))
            cut = r.randint(max(6, len(words) // 2), len(words))
            text = " ".join(words[:cut]).rstrip(",;")
            verb = r.choice(SPEECH)
            if r.random() < 0.5:
                out.append(f"\u201c{text},\u201d {verb} {self.name(p, False)}.")
            else:
                out.append(f"{self.titled(p)} {verb}: \u201c{text}.\u201d")
        elif kind < 0.57:
            m = self.w.meetings[self.pop_meet.pick(r)]
            who = self.by_id[r.choice(m.present)]
            if r.random() < self.err:
                who = self.by_id[r.choice(m.absent)]
            out.append(f"{self.name(who, True)} attended the {m.name} on {r.choice(DAYS)}, "
                       f"where the proposals were debated for {_number(r, r.randint(2, 5))} "
                       f"hours.")
            gone = self.by_id[r.choice(m.absent)]
            out.append(f"{self.name(gone, True)} did not attend the {m.name}.")
        elif kind < 0.72:
            p = self.person()
            out.append(f"{self.titled(p)} {r.choice(SPEECH)} the plans would be "
                       f"{r.choice(('reviewed', 'paused', 'scrapped', 'approved'))} "
                       f"by {r.choice(MONTHS)}.")
        elif kind < 0.8:
            short, full = r.choice(self.w.orgs)
            if r.random() < 0.5:
                out.append(f"The {full} said it had received {r.randint(3, 900)} complaints.")
            else:
                out.append(f"{short} confirmed the figures on {r.choice(DAYS)}.")
            if r.random() < self.err:
                town = r.choice(self.w.towns)
                out.append(f"{town} police had known in advance about the risk.")
        else:
            out.append(r.choice(FILLER).format(
                day=r.choice(DAYS), hour=f"{r.randint(1, 11)}pm", money=r.randint(2, 90),
                pct=r.randint(3, 40), big=r.choice(("1,000", "5,000", "12,000")),
                month=r.choice(MONTHS)))
        return out

    def article(self, target_chars: int) -> tuple[str, str]:
        r = self.rnd
        lead = self.person()
        title = (f"{lead.name} {r.choice(('faces questions over', 'defends', 'announces'))} "
                 f"{r.choice(('budget cuts', 'inquiry', 'new plans', 'rebuilding scheme'))}")
        paras = [f"{self.titled(lead)} {r.choice(SPEECH)} on {r.choice(DAYS)} that the "
                 f"council would act."]
        size = len(paras[0])
        while size < target_chars:
            para = " ".join(self.sentences() + (self.sentences() if r.random() < 0.4 else []))
            paras.append(para)
            size += len(para) + 2
        return title, "\n\n".join(paras) + "\n"


def _yaml_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _entities(world: World, used_people: set[str], used_meetings: set[str]) -> list[str]:
    lines = ["entities:"]
    for p in world.people:
        if p.id in used_people:
            lines.append(f"  {p.id}:\n    name: {_yaml_str(p.name)}")
    for m in world.meetings:
        if m.id in used_meetings:
            lines.append(f"  {m.id}:\n    name: {_yaml_str(m.name)}\n    type: event")
    return lines if len(lines) > 1 else ["entities: {}"]


def available_kinds() -> tuple[str, ...]:
    return tuple(k for k in KINDS
                 if importlib.util.find_spec(f"pytest_factcheck.kinds.{k}") is not None)


def fact_records(world: World, n: int, kinds: tuple[str, ...]) -> list[str]:
    """``n`` facts, round-robin over ``kinds``, as YAML list items."""
    out: list[str] = []
    counters = dict.fromkeys(kinds, 0)
    k = 0
    people = world.people
    while len(out) < n:
        kind = kinds[k % len(kinds)]
        k += 1
        i = counters[kind]
        counters[kind] += 1
        fid = f"{kind}-{i}"
        if kind == "spelling":
            p = people[i % len(people)]
            out.append(f"  - id: {fid}\n    kind: spelling\n    preferred: {_yaml_str(p.name)}"
                       f"\n    avoid: [{_yaml_str(p.misspelled)}]")
        elif kind == "role":
            p = people[i % len(people)]
            out.append(f"  - id: {fid}\n    kind: role\n    entity: {p.id}\n"
                       f"    roles: [{_yaml_str(p.title)}]")
        elif kind == "quote":
            q = world.quotes[i % len(world.quotes)]
            out.append(f"  - id: {fid}\n    kind: quote\n    speaker: {q.speaker}\n"
                       f"    text: {_yaml_str(q.text)}")
        elif kind == "attendance":
            m = world.meetings[i % len(world.meetings)]
            out.append(f"  - id: {fid}\n    kind: attendance\n    event: {m.id}\n"
                       f"    present: [{', '.join(m.present)}]\n"
                       f"    absent: [{', '.join(m.absent)}]")
        elif kind == "quantity":
            inc = world.incidents[i % len(world.incidents)]
            out.append(f"  - id: {fid}\n    kind: quantity\n    about: [{_yaml_str(inc.name)}]\n"
                       f"    cues: [killed, dead, died, deaths, death toll]\n"
                       f"    min: {inc.toll}\n    max: {inc.toll + 2}")
        elif kind == "pattern":
            if i % 2 == 0:
                town = world.towns[(i // 2) % len(world.towns)]
                out.append(f"  - id: {fid}\n    kind: pattern\n"
                           f"    forbid: '{town} (police|council) (knew|had known) "
                           f"(in advance|beforehand)'\n"
                           f"    unless_match: '(report|claim|alleg|suggest|say)'")
            else:
                short, full = world.orgs[(i // 2) % len(world.orgs)]
                out.append(f"  - id: {fid}\n    kind: pattern\n    when: '{short}'\n"
                           f"    require: '{full}'")
    return out


def generate(out: Path, *, articles: int, facts: int, seed: int = 7,
             article_chars: int = 4000, kinds: tuple[str, ...] | None = None) -> dict[str, int]:
    """Write the corpus and fact files below ``out``; return what was written."""
    world = build_world(seed)
    kinds = kinds or available_kinds()
    writer = Writer(world, seed + 1)
    art_dir = out / "articles"
    total = 0
    for n in range(articles):
        title, body = writer.article(int(article_chars * (0.5 + writer.rnd.random())))
        folder = art_dir / f"{2020 + n % 5}" / f"{n % 12 + 1:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        if n % 20 == 19:
            path = folder / f"story-{n:06d}.md"
            text = f"---\ntitle: {_yaml_str(title)}\ndate: 2024-01-01\n---\n\n# {title}\n\n{body}"
        else:
            path = folder / f"story-{n:06d}.txt"
            text = f"{title}\n\n{body}"
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    records = fact_records(world, facts, kinds)
    used_people: set[str] = set()
    used_meetings: set[str] = set()
    for rec in records:
        for token in rec.replace("[", " ").replace("]", " ").replace(",", " ").split():
            if token.startswith("p") and token[1:].isdigit():
                used_people.add(token)
            elif token.startswith("meeting"):
                used_meetings.add(token)
    fact_dir = out / "facts"
    fact_dir.mkdir(parents=True, exist_ok=True)
    (fact_dir / "entities.yaml").write_text(
        "\n".join(_entities(world, used_people, used_meetings)) + "\n", encoding="utf-8")
    per_file = 500
    for start in range(0, len(records), per_file):
        chunk = records[start:start + per_file]
        (fact_dir / f"facts-{start // per_file:03d}.yaml").write_text(
            "facts:\n" + "\n".join(chunk) + "\n", encoding="utf-8")
    return {"articles": articles, "bytes": total, "facts": len(records),
            "kinds": len(kinds)}
