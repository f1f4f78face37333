"""JSON from documents and sidecars, parsed with a bound on its nesting."""

from __future__ import annotations

import json

from .. import limits


def parse_json(text: str) -> object:
    """JSON nested at most JSON_DEPTH levels; deeper is a ValueError, not a RecursionError."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise ValueError(f"nested more than {limits.JSON_DEPTH} levels deep") from None
    # Python's own parser allows about 1,000 levels; what reads the value later may recurse too.
    level, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if level > limits.JSON_DEPTH:
            raise ValueError(f"nested more than {limits.JSON_DEPTH} levels deep")
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        stack.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
    return value
