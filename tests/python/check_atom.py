"""Parses an Atom feed from stdin with feedparser (an independent parser)
and prints its entries as JSON: title, language, content. Exits non-zero if
the feed is not well-formed Atom 1.0."""
import json
import sys

import feedparser

data = sys.stdin.buffer.read()
feed = feedparser.parse(data)
if feed.bozo:
    sys.exit(f"not well-formed: {feed.bozo_exception}")
if feed.version != "atom10":
    sys.exit(f"not Atom 1.0 but {feed.version!r}")
for required in ("title", "id", "updated"):
    if required not in feed.feed:
        sys.exit(f"feed lacks {required}")
out = []
for e in feed.entries:
    for required in ("id", "title", "updated", "link"):
        if required not in e:
            sys.exit(f"entry lacks {required}")
    out.append({
        "title": e.title,
        "lang": e.title_detail.get("language"),
        "content": e.content[0].value if e.get("content") else None,
        "link": e.link,
    })
print(json.dumps(out))
