"""A small JSON reader that remembers on which line every value starts.

The standard ``json`` module forgets positions, and an error in a hand-edited instrument file is only useful
if it says where to look. ``parse`` returns the value and a map from each value's path (keys and list
indices) to its 1-based line; it also refuses duplicate keys, which ``json`` silently lets the last one win.
"""

from __future__ import annotations

import json.decoder
import re
from collections.abc import Callable
from typing import Any

Path = tuple[str | int, ...]

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?")
_scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_LITERALS: dict[str, object] = {"true": True, "false": False, "null": None}


class JsonPosError(ValueError):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: dict[Path, int] = {}
        self._newlines = [m.start() for m in re.finditer("\n", text)]

    def line_of(self, pos: int) -> int:
        # number of newlines before pos, +1; bisect keeps this cheap for big files
        from bisect import bisect_left

        return bisect_left(self._newlines, pos) + 1

    def skip(self, pos: int) -> int:
        m = _WS.match(self.text, pos)
        return m.end() if m else pos

    def fail(self, message: str, pos: int) -> JsonPosError:
        return JsonPosError(message, self.line_of(pos))

    def value(self, pos: int, path: Path) -> tuple[Any, int]:
        pos = self.skip(pos)
        self.lines.setdefault(path, self.line_of(pos))
        if pos >= len(self.text):
            raise self.fail("unexpected end of file", pos)
        ch = self.text[pos]
        if ch == "{":
            return self.obj(pos + 1, path)
        if ch == "[":
            return self.array(pos + 1, path)
        if ch == '"':
            return self.string(pos)
        for word, val in _LITERALS.items():
            if self.text.startswith(word, pos):
                return val, pos + len(word)
        m = _NUMBER.match(self.text, pos)
        if m:
            num: Any = float(m.group()) if m.group(1) or m.group(2) else int(m.group())
            return num, m.end()
        raise self.fail("expected a value", pos)

    def string(self, pos: int) -> tuple[str, int]:
        try:
            s, end = _scanstring(self.text, pos + 1, True)
        except json.JSONDecodeError as exc:
            raise self.fail("malformed string: " + exc.msg, exc.pos) from None
        return s, end

    def obj(self, pos: int, path: Path) -> tuple[dict[str, Any], int]:
        out: dict[str, Any] = {}
        pos = self.skip(pos)
        if self.text.startswith("}", pos):
            return out, pos + 1
        while True:
            pos = self.skip(pos)
            if not self.text.startswith('"', pos):
                raise self.fail("expected a quoted key", pos)
            key_pos = pos
            key, pos = self.string(pos)
            if key in out:
                raise self.fail(f"duplicate key '{key}'", key_pos)
            self.lines[(*path, key)] = self.line_of(key_pos)
            pos = self.skip(pos)
            if not self.text.startswith(":", pos):
                raise self.fail("expected ':' after a key", pos)
            out[key], pos = self.value(pos + 1, (*path, key))
            pos = self.skip(pos)
            if self.text.startswith(",", pos):
                pos += 1
                continue
            if self.text.startswith("}", pos):
                return out, pos + 1
            raise self.fail("expected ',' or '}'", pos)

    def array(self, pos: int, path: Path) -> tuple[list[Any], int]:
        out: list[Any] = []
        pos = self.skip(pos)
        if self.text.startswith("]", pos):
            return out, pos + 1
        while True:
            val, pos = self.value(pos, (*path, len(out)))
            out.append(val)
            pos = self.skip(pos)
            if self.text.startswith(",", pos):
                pos += 1
                continue
            if self.text.startswith("]", pos):
                return out, pos + 1
            raise self.fail("expected ',' or ']'", pos)


def parse(text: str) -> tuple[Any, dict[Path, int]]:
    """The value in ``text`` and the line each value (by path) starts on. Raises JsonPosError."""
    reader = _Reader(text)
    value, pos = reader.value(0, ())
    pos = reader.skip(pos)
    if pos != len(text):
        raise reader.fail("unexpected text after the end", pos)
    return value, reader.lines


def line_for(lines: dict[Path, int], path: Path) -> int:
    """The line of ``path``, or of its nearest ancestor that was read (a missing key is reported at its parent)."""
    p = tuple(path)
    while p and p not in lines:
        p = p[:-1]
    return lines.get(p, 1)
