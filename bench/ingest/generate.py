#!/usr/bin/env python3
"""A generated news site for the ingest benchmark.

    generate.py OUT_DIR [--articles N] [--seed S] [--large K]

Writes OUT_DIR/site/: article pages (articles/<id>.html: header, navigation, a dated article of 6-14 paragraphs,
related links, footer), five RSS feeds and a sitemap index with gzipped child sitemaps that together list every
article (so most URLs are listed twice and must be fetched once), robots.txt, and a home page. One article in 40
is an exact copy of an earlier one at a new address, one in 40 a near-copy (one sentence changed): the store's
duplicate detection does real work. The same pages are what the `extract` verb reads in the baseline. --large K makes the last K articles about 5 MB
each (9,200 paragraphs): the memory one large article costs (issue 20, finding 8) is the peak with them minus the
peak without."""
import argparse
import gzip
import os
import random

WORDS = ("militia government minister said officials forces border attack province report agency security talks "
         "ceasefire election capital president police region military statement week council vote protest strike "
         "troops official aid refugees court ruling economy inflation budget parliament opposition leader drone "
         "convoy base village market hospital water power grid sanctions oil export negotiations envoy").split()
WORDS = [w for w in WORDS if w.isascii()]


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 22))]
    return " ".join(words).capitalize() + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def page(aid, title, paragraphs, day):
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    related = "".join(f'<li><a href="/articles/a{(aid * 7 + k) % 9973:05d}.html">Related story {k}</a></li>' for k in range(5))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Bench Herald</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Bench Herald">
<meta property="article:published_time" content="2026-{1 + day // 28:02d}-{1 + day % 28:02d}T08:30:00+00:00">
<link rel="canonical" href="/articles/a{aid:05d}.html"><link rel="alternate" type="application/rss+xml" href="/feeds/feed-1.xml">
<style>body{{font-family:sans-serif}} .nav li{{display:inline}}</style></head>
<body><header><a href="/">Bench Herald</a><ul class="nav"><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></header>
<main><article><h1>{title}</h1><p class="byline">By Staff Reporter</p>
<time datetime="2026-{1 + day // 28:02d}-{1 + day % 28:02d}T08:30:00+00:00">{1 + day % 28} {day}</time>
{body}
</article><aside><h2>Related</h2><ul>{related}</ul></aside></main>
<footer><p>&copy; 2026 Bench Herald. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/contact">Contact</a></footer>
</body></html>
"""


def main():
    args = argparse.ArgumentParser()
    args.add_argument("out")
    args.add_argument("--articles", type=int, default=10000)
    args.add_argument("--seed", type=int, default=13)
    args.add_argument("--large", type=int, default=0, help="articles of about 5 MB each, at the end")
    args.add_argument("--base", default="http://127.0.0.1:5199", help="the address the site is served at")
    a = args.parse_args()
    rng = random.Random(a.seed)
    base = a.base.rstrip("/")
    site = os.path.join(a.out, "site")
    os.makedirs(os.path.join(site, "articles"), exist_ok=True)
    os.makedirs(os.path.join(site, "feeds"), exist_ok=True)
    bodies = []
    entries = []
    for i in range(a.articles):
        if i >= 40 and i % 40 == 0:
            paragraphs = list(bodies[rng.randrange(i - 40, i)])          # an exact copy at a new address
        elif i >= 40 and i % 40 == 20:
            paragraphs = list(bodies[rng.randrange(i - 40, i)])          # a near copy: one sentence changed
            paragraphs[0] = sentence(rng) + " " + paragraphs[0]
        elif i >= a.articles - a.large:
            paragraphs = [paragraph(rng) for _ in range(9200)]                 # about 5 MB of text
        else:
            paragraphs = [paragraph(rng) for _ in range(rng.randint(6, 14))]
        bodies.append(paragraphs)
        title = sentence(rng)[:-1][:90]
        day = i % 300
        with open(os.path.join(site, "articles", f"a{i:05d}.html"), "w", encoding="utf-8") as f:
            f.write(page(i, title, paragraphs, day))
        entries.append((i, title, day))

    feeds = 5
    per_feed = (a.articles + feeds - 1) // feeds
    for k in range(feeds):
        items = "".join(
            f"<item><title>{t}</title><link>{base}/articles/a{i:05d}.html</link>"
            f"<guid isPermaLink=\"false\">bench-{i}</guid><pubDate>Mon, {1 + d % 28:02d} Jun 2026 08:30:00 GMT</pubDate></item>\n"
            for i, t, d in entries[k * per_feed:(k + 1) * per_feed])
        with open(os.path.join(site, "feeds", f"feed-{k + 1}.xml"), "w", encoding="utf-8") as f:
            f.write(f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Bench Herald {k + 1}</title>'
                    f"<link>{base}/</link>\n{items}</channel></rss>\n")

    children = 4
    per_child = (a.articles + children - 1) // children
    index = []
    for k in range(children):
        urls = "".join(f"<url><loc>{base}/articles/a{i:05d}.html</loc><lastmod>2026-06-{1 + d % 28:02d}</lastmod></url>\n"
                       for i, _, d in entries[k * per_child:(k + 1) * per_child])
        with gzip.open(os.path.join(site, f"sitemap-{k + 1}.xml.gz"), "wt", encoding="utf-8") as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n')
        index.append(f"<sitemap><loc>{base}/sitemap-{k + 1}.xml.gz</loc></sitemap>")
    with open(os.path.join(site, "sitemap.xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                + "".join(index) + "</sitemapindex>\n")
    with open(os.path.join(site, "robots.txt"), "w") as f:
        f.write(f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n")
    with open(os.path.join(site, "index.html"), "w") as f:
        f.write('<!DOCTYPE html><html><head><title>Bench Herald</title>'
                '<link rel="alternate" type="application/rss+xml" href="/feeds/feed-1.xml"></head><body><h1>Bench Herald</h1></body></html>')


if __name__ == "__main__":
    main()
