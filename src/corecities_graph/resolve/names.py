"""The compare-form of names, shared by extraction and the reference data without either importing the other."""

from __future__ import annotations

import re


def fold(value: str) -> str:
    """Compare-form of a name: straight apostrophes dropped, quotes and case folded."""
    value = value.replace("&", " and ")
    for mark in "’'‘`":
        value = value.replace(mark, "")
    value = value.replace("“", "").replace("”", "").replace('"', "")
    return re.sub(r"\s+", " ", value).strip().lower()
