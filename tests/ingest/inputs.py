"""Inputs written by the tests themselves: one of each kind a reader must code or reject.

A helper module, not a conftest: the project keeps one shared tests/conftest.py.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ENGLISH = (
    "Government troops and allied militias shelled the outskirts of the town on Tuesday, "
    "local officials said, and at least six civilians were wounded in the bombardment. "
    "A spokesman for the provincial council said families had started to leave for camps "
    "further north, while aid groups warned that roads out of the area were unsafe."
)

TEXT_ARTICLE = (
    "Shelling wounds six near provincial capital\n"
    "\n"
    "Updated March 6, 2018\n"
    "\n"
    "HAMA (Syria): " + ENGLISH + "\n"
    "\n"
    "Published in The Levant Ledger, March 6th, 2018\n"
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Drone strike hits convoy near border | Frontier Daily</title>
  <meta property="og:title" content="Drone strike hits convoy near border">
  <meta property="og:site_name" content="Frontier Daily">
  <meta property="article:published_time" content="2019-07-14T09:20:00+00:00">
  <link rel="canonical" href="https://frontier-daily.example/2019/07/14/drone-strike-convoy">
</head>
<body>
  <header>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
  </header>
  <main>
    <article>
      <h1>Drone strike hits convoy near border</h1>
      <p class="byline">By a staff reporter</p>
      <p>MIRANSHAH (Pakistan): A drone strike hit a convoy of pick-up trucks near the border
      late on Saturday, killing at least four people, security officials said.</p>
      <p>Residents said the vehicles were burning for hours after the strike and that the road
      to the nearest market was closed by soldiers on Sunday morning.</p>
      <p>No group has said it was behind the attack, and the military declined to comment on
      the reports when contacted by telephone.</p>
      <p>The area has seen repeated raids and curfews over the past two months as troops hunt
      for fighters who crossed from the other side of the mountains.</p>
    </article>
    <section class="comments">
      <h2>Comments</h2>
      <div class="comment">
        <p>COMMENT-MARKER this is a reader comment that must not be kept.</p>
      </div>
    </section>
  </main>
  <footer><p>Copyright Frontier Daily. All rights reserved.</p></footer>
</body>
</html>
"""

FRENCH = (
    "Les forces gouvernementales ont bombardé mardi les abords de la ville, selon des "
    "responsables locaux, et au moins six civils ont été blessés. Un porte-parole du conseil "
    "provincial a indiqué que des familles avaient commencé à partir vers des camps situés "
    "plus au nord, tandis que les organisations humanitaires jugeaient les routes dangereuses."
)

ARABIC = (
    "قصفت القوات الحكومية يوم الثلاثاء أطراف المدينة، وفق مسؤولين محليين، وأصيب ستة مدنيين "
    "على الأقل في القصف. وقال متحدث باسم المجلس المحلي إن عائلات بدأت بالنزوح نحو المخيمات "
    "في الشمال، بينما حذرت منظمات الإغاثة من أن الطرق المؤدية إلى خارج المنطقة غير آمنة."
)

RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Frontier Daily - World</title>
    <link>https://frontier-daily.example/world</link>
    <description>World news</description>
    <item>
      <title>Curfew imposed after clashes in market town</title>
      <link>https://frontier-daily.example/2020/03/02/curfew-market-town</link>
      <pubDate>Mon, 02 Mar 2020 08:00:00 GMT</pubDate>
      <description>&lt;p&gt;Authorities imposed a curfew on the market town after two days
      of clashes between rival tribes left three people dead.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Aid convoy reaches besieged district</title>
      <link>https://frontier-daily.example/2020/03/03/aid-convoy</link>
      <pubDate>Tue, 03 Mar 2020 11:30:00 GMT</pubDate>
      <description>An aid convoy of twelve trucks reached the besieged district on Tuesday,
      the first in five weeks, a relief official said.</description>
    </item>
    <item>
      <title>Short item</title>
      <link>https://frontier-daily.example/2020/03/04/short</link>
      <description>Too short.</description>
    </item>
  </channel>
</rss>
"""


def undecodable_bytes() -> bytes:
    # High bytes with no structure: not UTF-8, no BOM, no NUL, and no detector finds text.
    rng = random.Random(7)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(600))


def make_corpus(tmp_path: Path) -> Path:
    """A folder with one input of every kind, and the code each must end with."""
    root = tmp_path / "corpus"
    (root / "nested").mkdir(parents=True)
    (root / "good.txt").write_text(TEXT_ARTICLE, encoding="utf-8")
    (root / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    lines = [
        json.dumps({"text": ENGLISH, "title": "Shelling", "published": "2018-03-06"}),
        "{not json at all",
        json.dumps({"title": "no text here"}),
        json.dumps({"text": ENGLISH + " Again.", "published": "the day before yesterday-ish"}),
    ]
    (root / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "scan.pdf.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (root / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "nul.txt").write_bytes(b"text with a \x00 NUL byte in the middle of it all")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_text("   \n\n  \t\n", encoding="utf-8")
    (root / "undecodable.txt").write_bytes(undecodable_bytes())
    (root / "nested" / "huge.txt").write_text(ENGLISH * 40, encoding="utf-8")
    (root / "nested" / "french.txt").write_text(FRENCH, encoding="utf-8")
    (root / "nested" / "arabic.txt").write_text(ARABIC, encoding="utf-8")
    (root / "feed.rss").write_text(RSS_FEED, encoding="utf-8")
    (root / ".hidden.txt").write_text(ENGLISH, encoding="utf-8")
    return root
