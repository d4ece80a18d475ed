"""Dates written relative to the article: "14일" is the 14th of the article's month.

Korean news gives a day alone ("14일", "지난 5일") for this month, or a month and
day ("11월 14일"); a day later than the publication day with "지난" before it
belongs to the previous month.
"""
from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(r"(?:(?P<year>\d{4})년\s*)?(?:(?P<month>\d{1,2})월\s*)?(?P<day>\d{1,2})일(?!간|째|동안|부터\s*\d)")


def resolve_day(text: str, published: dt.date | None) -> dt.date | None:
    """The first date written in ``text``, completed from the publication date."""
    if published is None:
        return None
    m = _DATE.search(text)
    if not m:
        return None
    year = int(m["year"]) if m["year"] else published.year
    month = int(m["month"]) if m["month"] else published.month
    day = int(m["day"])
    if not m["month"] and day > published.day and "지난" in text[max(0, m.start() - 4):m.start()]:
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if not m["year"] and (date - published).days > 60:  # "12월 30일" written on 5 January: last December
        date = date.replace(year=date.year - 1)
    return date
