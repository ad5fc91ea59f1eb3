#!/usr/bin/env python3
"""Fill a migrated NewsDesk database with a month of a busy newsroom: realistic scale for the load benchmark.

Usage: generate.py DB [--articles 100000] [--actors 20000] [--mentions 1000000] [--seed 7]

The database must already carry the schema (run the app's `migrate` verb first): rows go in through the
same tables and triggers the app uses, so the FTS5 index is built exactly as in production.
Articles vary in length (a few paragraphs to long features) and language (English, Arabic, French, Persian);
the first 100 articles carry 200 mentions each (the "article page with 200 mentions" of the benchmark).
"""
import argparse, random, sqlite3, time, hashlib, datetime

EN = ("the militia attack base drone missile forces government ministry officials reported said according to "
      "sources local residents border region convoy ceasefire talks negotiations statement spokesman claimed "
      "responsibility denied strike province capital village fighters security council sanctions oil field "
      "protest election parliament president army navy air defence casualties wounded killed displaced aid").split()
AR = ("الهجوم القاعدة الأمريكية الطائرة المسيرة صاروخ القوات الحكومة وزارة المسؤولين أفادت قال وفقا مصادر "
      "السكان المحليين الحدود المنطقة قافلة وقف إطلاق النار المحادثات بيان المتحدث أعلن مسؤوليته نفى ضربة "
      "محافظة العاصمة قرية مقاتلين الأمن مجلس عقوبات حقل النفط احتجاج انتخابات البرلمان الرئيس الجيش").split()
FR = ("la milice attaque base drone missile forces gouvernement ministère responsables ont rapporté selon "
      "sources habitants frontière région convoi cessez-le-feu négociations déclaration porte-parole revendiqué "
      "démenti frappe province capitale village combattants sécurité conseil sanctions pétrole manifestation").split()
FA = ("حمله پایگاه پهپاد موشک نیروها دولت وزارت مقامات گزارش گفت به گفته منابع ساکنان مرز منطقه کاروان "
      "آتش بس مذاکرات بیانیه سخنگو مسئولیت تکذیب استان پایتخت روستا جنگجویان امنیت شورا تحریم نفت").split()
LANGS = [("en", EN, 0.55), ("ar", AR, 0.2), ("fr", FR, 0.15), ("fa", FA, 0.1)]
SITES = ["Reuters", "Al Mayadeen", "IRNA", "Le Monde", "BBC Persian", "Al Jazeera", "AP", "ICARO Media Group", "Rudaw", "The National"]
NAMES = ["Kataib Hezbollah", "Hezbollah", "Houthis", "Hamas", "IRNA", "Al Mayadeen", "Iran", "Israel", "United States",
         "Saudi Arabia", "Islamic Resistance in Iraq", "Asaib Ahl al-Haq", "Harakat al-Nujaba", "Popular Mobilization Forces"]

def paragraph(rng, words):
    sentences = []
    for _ in range(rng.randint(2, 5)):
        n = rng.randint(8, 24)
        s = " ".join(rng.choice(words) for _ in range(n))
        sentences.append(s[0].upper() + s[1:] + ".")
    return " ".join(sentences)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--actors", type=int, default=20_000)
    ap.add_argument("--mentions", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    con = sqlite3.connect(a.db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    started = time.time()
    now = datetime.datetime(2026, 11, 1)

    with con:
        con.executemany("INSERT INTO Sources(Name, Url, Kind, Enabled, CreatedAt, FetchIntervalMinutes, ConsecutiveErrors) VALUES (?,?,?,?,?,?,0)",
                        [(s, f"https://{s.lower().replace(' ', '')}.example/feed", "Feed", 1, now.isoformat(" "), 60) for s in SITES])
        sources = [r[0] for r in con.execute("SELECT Id FROM Sources ORDER BY Id")]

        kinds = ["State", "StateForces", "ArmedGroup", "PoliticalParty", "GovernmentBody", "MediaOutlet", "Person", "Organisation", "Other"]
        actors = []
        for i in range(a.actors):
            name = NAMES[i] if i < len(NAMES) else f"{rng.choice(['Brigade', 'Movement', 'Council', 'Front', 'Agency', 'Ministry'])} {i}"
            actors.append((name, rng.choice(kinds), rng.choice(["Iraq", "Syria", "Iran", "Yemen", "Lebanon", "Israel", None]), now.isoformat(" "), now.isoformat(" "), 1))
        con.executemany("INSERT INTO Actors(Name, Kind, Country, CreatedAt, UpdatedAt, Version) VALUES (?,?,?,?,?,?)", actors)
        con.executemany("INSERT INTO ActorAliases(ActorId, Name) VALUES (?,?)", [(i, f"alias {i}") for i in range(1, a.actors + 1, 3)])
        incidents = [(f"Incident {i}", (now - datetime.timedelta(days=rng.randint(0, 365))).date().isoformat(), "Day",
                      rng.choice(["Battles", "ExplosionsRemoteViolence", "ViolenceAgainstCivilians", "Protests", "Riots", "StrategicDevelopments"]),
                      rng.choice(["Iraq", "Syria", "Yemen", "Israel", "Lebanon"]), "Reported", now.isoformat(" "), now.isoformat(" "), 1)
                     for i in range(2000)]
        con.executemany("INSERT INTO Incidents(Title, Date, DatePrecision, Type, Country, Status, CreatedAt, UpdatedAt, Version) VALUES (?,?,?,?,?,?,?,?,?)", incidents)
        claims = [(f"Claim {i}", rng.choice(["Responsibility", "Denial", "Accusation", "Threat", "CasualtyFigure", "Other"]), "Unverified",
                   rng.randint(1, 2000), rng.randint(1, a.actors), now.isoformat(" "), now.isoformat(" "), 1) for i in range(3000)]
        con.executemany("INSERT INTO Claims(Text, Kind, Assessment, IncidentId, ClaimantId, CreatedAt, UpdatedAt, Version) VALUES (?,?,?,?,?,?,?,?)", claims)

    batch = []
    for i in range(a.articles):
        lang, words, _ = rng.choices(LANGS, weights=[l[2] for l in LANGS])[0]
        paragraphs = [paragraph(rng, words) for _ in range(rng.choice([3, 5, 8, 12, 20, 40]))]
        if i % 7 == 0:
            paragraphs.insert(1, f"{rng.choice(NAMES)} said on the record that the {rng.choice(EN)} was over.")
        text = "\n\n".join(paragraphs)
        published = now - datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 60))
        site = rng.choice(SITES)
        url = f"https://{site.lower().replace(' ', '')}.example/{published:%Y/%m/%d}/story-{i}"
        title = " ".join(rng.choice(words) for _ in range(rng.randint(6, 14)))
        batch.append((url, rng.choice(sources), title.capitalize(), site, lang, published.isoformat(" "), 0, "Minute",
                      now.isoformat(" "), text, hashlib.sha256(text.encode()).hexdigest()))
        if len(batch) == 2000:
            flush(con, batch, rng, a)
    flush(con, batch, rng, a)
    con.close()
    print(f"generated {a.articles} articles, {a.actors} actors, {a.mentions} mentions in {time.time() - started:.0f} s")

mention_budget = {"left": None}

def flush(con, batch, rng, a):
    if not batch:
        return
    if mention_budget["left"] is None:
        mention_budget["left"] = a.mentions
    with con:
        con.executemany("INSERT INTO Articles(Url, SourceId, Title, SiteName, Language, PublishedAt, PublishedUtcOffsetMinutes, PublishedPrecision, FetchedAt, Text, ContentHash, Lead) VALUES (?,?,?,?,?,?,?,?,?,?,?,substr(?10, 1, 280))", batch)
        last = con.execute("SELECT max(Id) FROM Articles").fetchone()[0]
        first = last - len(batch) + 1
        rows = []
        per_article = a.mentions / a.articles
        for article_id, row in zip(range(first, last + 1), batch):
            text = row[9]
            count = 200 if article_id <= 101 else rng.randint(0, int(per_article * 2))
            count = min(count, mention_budget["left"])
            for _ in range(count):
                start = rng.randint(0, max(0, len(text) - 20))
                end = start + rng.randint(3, 18)
                kind = rng.random()
                actor = rng.randint(1, a.actors) if kind < 0.7 else None
                incident = rng.randint(1, 2000) if 0.7 <= kind < 0.9 else None
                claim = rng.randint(1, 3000) if kind >= 0.9 else None
                rows.append((article_id, start, end, text[start:end], actor, incident, claim, "2026-11-01 00:00:00", "bench", "2026-11-01 00:00:00"))
            mention_budget["left"] -= count
        con.executemany('INSERT INTO Mentions(ArticleId, Start, "End", Quote, ActorId, IncidentId, ClaimId, CreatedAt, CreatedBy, UpdatedAt) VALUES (?,?,?,?,?,?,?,?,?,?)', rows)
    batch.clear()

if __name__ == "__main__":
    main()
