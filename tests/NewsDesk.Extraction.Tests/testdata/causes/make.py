#!/usr/bin/env python3
"""Writes the golden pages of issue 14 (one per cause of lost or polluted article text) and their expected text.

Run from this folder: python3 make.py. Each page's expected text is the article paragraphs the page was built
from, joined by blank lines, so the expectation is true by construction, not copied from the extractor's output.
"""
import html
import json
from pathlib import Path

HERE = Path(__file__).parent

STORY = [
    "The regional council approved the new flood defence plan on Tuesday, after two years of consultation with "
    "farmers, residents and the river authority, and after the wettest winter the valley has recorded.",
    "Under the plan, the embankments along the lower river will be raised by half a metre, three pumping stations "
    "will be rebuilt, and a stretch of farmland upstream will be allowed to flood in a controlled way when the "
    "river rises, sparing the town centre.",
    "Farmers whose fields are used for storage will be paid each year, whether or not the land floods, and will "
    "be compensated for lost crops, the council said, adding that talks with the farmers' union had ended in an "
    "agreement last month.",
    "Work is due to begin in the spring and to last four years. The council put the cost at 48 million euros, "
    "two thirds of it paid by the national government, and said the plan would protect about 12,000 homes.",
]

CHROME_TOP = """<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>"""
CHROME_BOTTOM = """<footer class="site-footer"><p><a href="/about">About us</a> | <a href="/contact">Contact</a> |
<a href="/privacy">Privacy</a></p></footer>"""


def paragraphs(ps):
    return "\n".join(f"<p>{html.escape(p)}</p>" for p in ps)


def page(title, body, head="", charset="utf-8", lang="en"):
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n{meta}\n{head}<title>{html.escape(title)}</title>\n'
            f'</head>\n<body>\n{body}\n</body>\n</html>\n')


def write(name, markup, expected, encoding="utf-8"):
    (HERE / f"{name}.html").write_bytes(markup.encode(encoding))
    (HERE / f"{name}.expected.txt").write_text("\n\n".join(expected), encoding="utf-8")


TITLE = "Council approves flood defence plan"

# 1. Drupal's body field: "hidden" is a word of its class, yet it holds the article.
write("field-label-hidden", page(TITLE, f"""{CHROME_TOP}
<div class="node node--type-article">
<h1>{TITLE}</h1>
<div class="clearfix field field--name-field-copy field--label-hidden field__item">
{paragraphs(STORY)}
</div>
</div>
<div class="sidebar"><h2>Most read</h2><ul><li><a href="/a">Storm closes coast road</a></li><li><a href="/b">Bridge reopens</a></li></ul></div>
{CHROME_BOTTOM}"""), STORY)

# 2. The article inside an <aside> (a feature laid out as a side column) and a <section role="region">.
write("article-in-aside", page(TITLE, f"""{CHROME_TOP}
<div class="layout">
<aside class="feature-column">
<h1>{TITLE}</h1>
{paragraphs(STORY)}
</aside>
<aside class="links"><h2>More news</h2><ul><li><a href="/c">Market day moves</a></li><li><a href="/d">School wins prize</a></li></ul></aside>
</div>
{CHROME_BOTTOM}"""), STORY)

# 3. An unclosed <div> inside <noscript> at the top of the body: a parser without scripting opens a div that
#    swallows the whole page into the noscript element.
write("noscript-trap", page(TITLE, f"""<noscript><div class="no-js-warning"></noscript>
{CHROME_TOP}
<article>
<h1>{TITLE}</h1>
{paragraphs(STORY)}
</article>
{CHROME_BOTTOM}"""), STORY)

# 4. Text only in JSON-LD articleBody: the DOM is an empty application shell.
ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE, "articleBody": "\n".join(STORY)}
TEASERS = "\n".join(
    f'<div class="card"><h3><a href="/story/{n}">{t}</a></h3><p>A summary of this other story, shown as a teaser card '
    f'on every page of the site, with the first lines of its text, so that readers find more to read, whatever '
    f'they came for.</p></div>'
    for n, t in enumerate(["Storm closes the coast road for a second day", "Bridge reopens after repairs to its deck",
                           "Market day moves to Thursday during the works", "School choir wins the national prize",
                           "New bus timetable starts next month"]))
write("jsonld-only", page(TITLE, f"""{CHROME_TOP}
<div id="app"><div class="loading">Loading…</div></div>
<div class="cards">
{TEASERS}
</div>
{CHROME_BOTTOM}
<script src="/static/app.js"></script>""",
    head=f'<script type="application/ld+json">{json.dumps(ld)}</script>\n'), STORY)

# 5. Text only in a script's state blob (a single-page application's initial state), no JSON-LD.
state = {"page": {"type": "article", "headline": TITLE, "nav": ["Home", "News", "Sport"],
                  "body": [{"type": "paragraph", "text": p} for p in STORY]}}
write("script-state-only", page(TITLE, f"""<div id="root"></div>
<script>window.__INITIAL_STATE__ = {json.dumps(state)};</script>
<script src="/static/app.js"></script>"""), STORY)

# 6. A UTF-8 page whose template still says gb2312.
CHINESE = ["市议会星期二批准了新的防洪计划，此前与农民、居民和河流管理局进行了两年的磋商。",
           "根据该计划，下游河堤将加高半米，三座泵站将重建，上游的一片农田将在河水上涨时有控制地淹没，以保护市中心。",
           "议会表示，工程将于明年春天开始，为期四年，总费用为四千八百万欧元，将保护约一万两千户住宅。"]
write("lying-meta-charset", page("市议会批准防洪计划", f"<article><h1>市议会批准防洪计划</h1>\n{paragraphs(CHINESE)}\n</article>",
                                 charset="gb2312", lang="zh"), CHINESE)

# 7. Ruby: the annotations (readings) are not text of the sentence, and the base text must not be split.
RUBY_P = ("<p>東京都は十五日、新しい<ruby>防災<rp>(</rp><rt>ぼうさい</rt><rp>)</rp></ruby>計画を発表した。"
          "<ruby><rb>首都</rb><rt>しゅと</rt></ruby>直下地震に備え、避難所の数を二割増やす。</p>")
RUBY_2 = "<p>計画は来年四月から段階的に実施される。都の担当者は「住民一人ひとりの備えも欠かせない」と話している。</p>"
write("ruby", page("東京都、新しい防災計画を発表", f"<article><h1>東京都、新しい防災計画を発表</h1>\n{RUBY_P}\n{RUBY_2}\n</article>", lang="ja"),
      ["東京都は十五日、新しい防災計画を発表した。首都直下地震に備え、避難所の数を二割増やす。",
       "計画は来年四月から段階的に実施される。都の担当者は「住民一人ひとりの備えも欠かせない」と話している。"])

# 8. A gallery of 50 captioned slides next to a four-paragraph article.
slides = "\n".join(
    f'<li><img src="/img/{n}.jpg" alt=""><p>Photo {n}: water covers the fields near the old mill, seen from the '
    f'road on the east bank, where volunteers filled sandbags, on Monday morning.</p></li>' for n in range(1, 51))
write("gallery", page(TITLE, f"""{CHROME_TOP}
<div class="columns">
<div class="col-a">
<h1>{TITLE}</h1>
{paragraphs(STORY)}
</div>
<div class="col-b"><h2>In pictures: the winter floods</h2><ul>
{slides}
</ul></div>
</div>
{CHROME_BOTTOM}"""), STORY)

# 9. MathML inside a sentence, and a display formula between paragraphs.
MATH_P1 = ('<p>The energy of the wave grows as <math><msup><mi>a</mi><mn>2</mn></msup></math>, where '
           '<math><mi>a</mi></math> is its height, so a wave twice as high carries four times the energy.</p>')
MATH_P2 = '<p>Engineers therefore size the embankments for the largest wave expected in a century, with a margin.</p>'
write("mathml", page("Why embankments are built high", f"<article><h1>Why embankments are built high</h1>\n{MATH_P1}\n{MATH_P2}\n</article>"),
      ["The energy of the wave grows as a2, where a is its height, so a wave twice as high carries four times the energy.",
       "Engineers therefore size the embankments for the largest wave expected in a century, with a margin."])

# 10. A byline paragraph at the top of the body: metadata, not text.
write("byline-line", page(TITLE, f"""{CHROME_TOP}
<article>
<h1>{TITLE}</h1>
<p>By Maria Jansen</p>
{paragraphs(STORY)}
</article>
{CHROME_BOTTOM}"""), STORY)

# 11. Korean declared EUC-KR by <meta>: browsers read that label as windows-949, whose extra syllables
#     (똠, 햏, 뷁) strict EUC-KR lacks.
KOREAN = ["시의회는 화요일 농민, 주민, 하천 관리청과 2년간의 협의 끝에 새로운 홍수 방어 계획을 승인했다.",
          "계획에 따라 하류 제방은 50센티미터 높아지고, 양수장 세 곳이 재건되며, 상류 농지는 강물이 불어날 때 통제된 방식으로 범람하도록 허용된다.",
          "공사는 내년 봄에 시작해 4년 동안 진행되며, 약 1만 2천 가구를 보호할 것이라고 시의회는 밝혔다.",
          "주민 대표 김똠이 씨는 \"햏복한 결말\"이라며 환영했다."]
write("euc-kr", page("시의회, 홍수 방어 계획 승인", f"<article><h1>시의회, 홍수 방어 계획 승인</h1>\n{paragraphs(KOREAN)}\n</article>",
                     charset="euc-kr", lang="ko"), KOREAN, encoding="cp949")

# 12. A page labelled UTF-7 (browsers no longer support it) whose bytes are UTF-8.
ACCENTS = ["Le conseil régional a approuvé mardi le nouveau plan de défense contre les crues, après deux années de "
           "concertation avec les agriculteurs et les riverains.",
           "Les digues du cours inférieur seront rehaussées d'un demi-mètre et trois stations de pompage seront reconstruites."]
write("utf7-label", page("Le conseil approuve le plan", f"<article><h1>Le conseil approuve le plan</h1>\n{paragraphs(ACCENTS)}\n</article>",
                         charset="utf-7", lang="fr"), ACCENTS)

# 13. Text hidden with font-size:0 between two sentences.
write("font-size-zero", page(TITLE, f"""<article>
<h1>{TITLE}</h1>
<p>{html.escape(STORY[0])} <span style="font-size:0">cheap flights hotel deals casino bonus</span>{html.escape(STORY[1])}</p>
{paragraphs(STORY[2:])}
</article>"""), [STORY[0] + " " + STORY[1]] + STORY[2:])

# 14. Shift_JIS declared by a <meta> that comes after 5 kB of inline style: too late for the first look.
style = "<style>\n" + "\n".join(f".c{n} {{ margin: {n}px; padding: {n}px; }}" for n in range(200)) + "\n</style>\n"
JAPANESE = ["東京都は十五日、新しい防災計画を発表した。首都直下地震に備え、避難所の数を二割増やす。",
            "計画は来年四月から段階的に実施される。都の担当者は「住民一人ひとりの備えも欠かせない」と話している。"]
write("shift-jis-late-meta", f"""<!DOCTYPE html>
<html lang="ja">
<head>
{style}<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
<title>東京都、新しい防災計画を発表</title>
</head>
<body>
<article><h1>東京都、新しい防災計画を発表</h1>
{paragraphs(JAPANESE)}
</article>
</body>
</html>
""", JAPANESE, encoding="shift_jis")

# 15. ASP.NET wraps the whole page in one <form>; the menus inside it push its link density past a half.
menu = "\n".join(f'<li><a href="/section/{n}">Section {n}: regional news, weather, traffic and events</a></li>' for n in range(1, 41))
write("form-wrapper", page(TITLE, f"""<form id="aspnetForm" method="post" action="/story">
<div class="mega-menu"><ul>
{menu}
</ul></div>
<div class="page"><div class="story-body">
<h1>{TITLE}</h1>
{paragraphs(STORY)}
</div></div>
{CHROME_BOTTOM}
</form>"""), STORY)

# 16. The page marks its body with schema.org microdata (itemprop="articleBody") next to a longer slideshow of
#     captions without pictures (the slides are CSS backgrounds), which would otherwise outscore it.
legends = "\n".join(
    f'<li><h2>{n}/30 The winter floods</h2><p>Water covers the fields near the old mill, seen from the road on the '
    f'east bank, where volunteers filled sandbags, on Monday morning, before the rain came back.</p></li>' for n in range(1, 31))
write("itemprop-article-body", page(TITLE, f"""{CHROME_TOP}
<div class="slideshow"><ul class="slides">
{legends}
</ul></div>
<div class="article-wrapper"><h1>{TITLE}</h1>
<div class="text-wrapper" itemprop="articleBody">
{paragraphs(STORY)}
</div></div>
{CHROME_BOTTOM}"""), STORY)

MORE = [
    "The river authority said it would publish flood maps for every street in the valley before the work starts, "
    "so that residents can see how the new embankments change the risk for their own homes.",
    "Residents' groups welcomed the plan but asked for the pumping stations to be rebuilt first, since two of them "
    "failed during the floods in January and left the low streets of the town under water for a week.",
]

# 17. Ids made from the section's heading ("sharing-the-costs"): what the text is about, not a kind of block.
SECTIONS = [("Background", "background", STORY[:2] + MORE), ("Sharing the costs", "sharing-the-costs", STORY[2:3]),
            ("Comments from residents", "comments-from-residents", STORY[3:])]
sections = "\n".join(f'<div class="section" id="{sid}"><h2>{html.escape(h)}</h2>\n{paragraphs(ps)}\n</div>' for h, sid, ps in SECTIONS)
write("heading-slug-ids", page(TITLE, f"""{CHROME_TOP}
<div class="document"><h1>{TITLE}</h1>
{sections}
</div>
{CHROME_BOTTOM}"""), [x for h, _, ps in SECTIONS for x in [h, *ps]])

# 18. A body split into parts at different depths (the lead part sits in the page's header area, the rest after a
#     sidebar), every part with the same markup.
write("split-body", page(TITLE, f"""{CHROME_TOP}
<div class="top-area"><div class="intro"><h1>{TITLE}</h1>
<div class="body-part">
{paragraphs(STORY[:2])}
</div></div></div>
<aside class="sidebar"><h2>Most read</h2><ul><li><a href="/a">Storm closes coast road</a></li><li><a href="/b">Bridge reopens</a></li></ul></aside>
<div class="main-area">
<div class="body-part">
{paragraphs(STORY[2:])}
</div>
<figure><img src="/img/river.jpg" alt=""><figcaption>The lower river in January.</figcaption></figure>
<div class="body-part">
{paragraphs(MORE)}
</div>
</div>
{CHROME_BOTTOM}"""), STORY + MORE)

# 19. A block hidden with visibility:hidden that holds most of the page's prose is still hidden.
HIDDEN = [
    "This draft paragraph was left in the page by the editor and is hidden from readers by the style sheet of the "
    "site, which keeps it out of view until the story is updated, if it ever is.",
    "A second hidden paragraph of the draft, longer than the visible story, repeats the figures of the plan with "
    "other numbers that were later corrected, and must not be read as part of the article.",
    "A third hidden paragraph closes the draft with a quote that was never confirmed by the council, and which the "
    "published story does not carry, so a reader of the page never sees it.",
]
write("visibility-hidden", page(TITLE, f"""<article>
<h1>{TITLE}</h1>
<div style="visibility: hidden;">
{paragraphs(HIDDEN)}
</div>
<div>
{paragraphs(STORY[:2])}
</div>
</article>"""), STORY[:2])

# 20. An embedded post: a quotation, whatever its wrapper's name says ("media" is a negative word).
POST = "The new embankments are the biggest change to the valley in fifty years, and every home behind them will be safer."
POST_BY = "— Valley Council (@valleycouncil) May 14, 2024"
write("quoted-post", page(TITLE, f"""{CHROME_TOP}
<article><h1>{TITLE}</h1>
{paragraphs(STORY[:2])}
<div class="social-media-embed"><blockquote class="twitter-tweet"><p>{html.escape(POST)}</p>
&mdash; Valley Council (@valleycouncil) <a href="https://social.example/valleycouncil/status/1">May 14, 2024</a></blockquote></div>
{paragraphs(STORY[2:])}
</article>
{CHROME_BOTTOM}"""), STORY[:2] + [POST, POST_BY] + STORY[2:])

# 21. A list whose items say more than their link is content, however link-dense; a list of bare links is not.
FIXES = [("Pumping station alarms no longer repeat every minute", "fixed by the river authority"),
         ("Gauge readings at the weir are shown in centimetres", "reported by two farmers"),
         ("The flood map loads on older phones again", "a fix from the council's own team")]
fixes = "\n".join(f'<li><a href="/changes/{n}">{html.escape(a)}</a> – {html.escape(b)}</li>' for n, (a, b) in enumerate(FIXES))
write("linked-list-items", page(TITLE, f"""{CHROME_TOP}
<article><h1>{TITLE}</h1>
{paragraphs(STORY[:2])}
<ul>
{fixes}
</ul>
{paragraphs(STORY[2:])}
<ul><li><a href="/a">Storm closes coast road</a></li><li><a href="/b">Bridge reopens after repairs</a></li>
<li><a href="/c">Ferry timetable changes</a></li></ul>
</article>
{CHROME_BOTTOM}"""), STORY[:2] + [f"{a} – {b}" for a, b in FIXES] + STORY[2:])

# 22. A list page whose entries are the rows of a table (scored row by row), next to a block of notes that wins.
WORKS = [
    ("North embankment", "2025", "Raised by half a metre along four kilometres of the lower river, with a new path "
     "on top, a wider base, and a clay core that keeps water from seeping under the fields."),
    ("Station 2", "2026", "The oldest pumping station, rebuilt on its own site with three pumps instead of two, "
     "a diesel reserve, and controls above the level of the 1953 flood."),
    ("Upper meadows", "2026", "Farmland that may flood in a controlled way when the river rises, with sluices, "
     "a spillway, new drains, and yearly payments to the farmers who own it."),
    ("Station 3", "2027", "A second pumping station, moved from the bank to higher ground, with an alarm that "
     "warns residents by text message, radio, and the council's website."),
    ("Town wall", "2028", "The old quay wall in the town centre, repaired, heightened, and fitted with gates "
     "that close the streets to the river, as in the flood of January."),
]
NOTES = [f"Council report {n}, section {n + 2}, page {10 * n}, annex {n}, published in March, April or May, 2024, "
         f"with maps, tables, and figures." for n in range(1, 13)]
rows = "\n".join(f"<tr><td>{html.escape(a)}</td><td>{y}</td><td>{html.escape(d)}</td></tr>" for a, y, d in WORKS)
notes = "\n".join(f"<li>{html.escape(n)}</li>" for n in NOTES)
write("data-table-list", page("List of flood works in the valley", f"""{CHROME_TOP}
<div class="page">
{paragraphs(STORY[:1])}
<table class="wikitable"><tr><th>Work</th><th>Year</th><th>Description</th></tr>
{rows}
</table>
<div class="notes"><ol>
{notes}
</ol></div>
</div>
{CHROME_BOTTOM}"""), STORY[:1] + ["Work", "Year", "Description"] + [x for a, y, d in WORKS for x in (a, y, d)] + NOTES)

# 23. A "most popular" block is chrome even when its name also says "article" (c-article-most-popular).
TEASERS = "\n".join(
    f'<div class="c-article-most-popular__item"><h3><a href="/t{n}">{html.escape(h)}</a></h3>'
    f'<p class="c-article-most-popular__dek">{html.escape(d)}</p></div>'
    for n, (h, d) in enumerate([("Storm closes coast road", "The road will stay closed until the sea wall is checked, the police said on Monday."),
                                ("Bridge reopens after repairs", "Drivers can use the old bridge again after six months of work on its piers.")]))
write("most-popular", page(TITLE, f"""{CHROME_TOP}
<article><h1>{TITLE}</h1>
<div class="article-body">
{paragraphs(STORY)}
</div>
<div class="c-article-most-popular"><h2>Most popular</h2>
{TEASERS}
</div>
</article>
{CHROME_BOTTOM}"""), STORY)
