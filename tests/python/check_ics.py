"""Parses an iCalendar file with two independent parsers (icalendar and
vobject) and checks the events against expectations given as JSON.

usage: check_ics.py FILE EXPECTED_JSON
EXPECTED_JSON: [{"uid": ..., "summary": ..., "local_start": "YYYY-MM-DD HH:MM",
                 "local_end": ..., "status": "CONFIRMED"|"CANCELLED"}, ...]
Exits non-zero with a message on any difference.
"""
import json
import sys
from zoneinfo import ZoneInfo

import icalendar
import vobject

BERLIN = ZoneInfo("Europe/Berlin")


def local(dt):
    return dt.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")


def main():
    path, expected = sys.argv[1], json.loads(sys.argv[2])
    raw = open(path, "rb").read()
    want = {e["uid"]: e for e in expected}

    cal = icalendar.Calendar.from_ical(raw)
    seen = {}
    for ev in cal.walk("VEVENT"):
        seen[str(ev["UID"])] = {
            "uid": str(ev["UID"]),
            "summary": str(ev["SUMMARY"]),
            "local_start": local(ev.decoded("DTSTART")),
            "local_end": local(ev.decoded("DTEND")),
            "status": str(ev.get("STATUS", "")),
        }
    check("icalendar", want, seen)

    parsed = vobject.readOne(raw.decode("utf-8"))
    seen = {}
    for ev in parsed.vevent_list:
        seen[ev.uid.value] = {
            "uid": ev.uid.value,
            "summary": ev.summary.value,
            "local_start": local(ev.dtstart.value),
            "local_end": local(ev.dtend.value),
            "status": ev.status.value if hasattr(ev, "status") else "",
        }
    check("vobject", want, seen)
    print("ok", len(want), "events")


def check(parser, want, seen):
    for uid, w in want.items():
        got = seen.get(uid)
        if got is None:
            sys.exit(f"{parser}: missing event {uid}")
        for k, v in w.items():
            if got[k] != v:
                sys.exit(f"{parser}: {uid} {k}: expected {v!r}, got {got[k]!r}")


if __name__ == "__main__":
    main()
