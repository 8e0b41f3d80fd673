"""Make the receipt's Khmer text extractable from the PDF Qt writes.

Qt's PDF engine maps glyphs back to characters through the font's character map only.
Khmer shaping draws glyphs the map does not reach (subscript consonants, ligatures) and
reorders others (a vowel drawn before its consonant), so the text copied or searched in
the PDF comes out garbled. PDF's remedy is marked content with `/ActualText`: the
painter draws each glyph run as one text object (`BT … ET`), in the order we know, so we
wrap each in `/Span << /ActualText (its characters) >> BDC … EMC`.

The change is appended as an incremental update (the page's content stream again, a new
xref section pointing back at Qt's), so nothing Qt wrote is moved. If the file is not
laid out as expected (another Qt version), it is left as it is: the receipt still
prints and shows the same; only copying its text is affected.
"""

from __future__ import annotations

import logging
import re
import zlib
from pathlib import Path

log = logging.getLogger(__name__)

_TEXT_OBJECT = re.compile(rb"BT\n.*?ET\n", re.S)
# Qt wraps the second pass of synthesised bold in an empty ActualText span; ours covers it.
_INNER_SPAN = b"/Span << /ActualText <> >> BDC\n"


def add_actual_text(path: Path, pages: list[list[str]]) -> bool:
    """Give each text object of each page the text it shows (`pages[i][k]`: the k-th glyph
    run drawn on page i). Returns False (and leaves the file alone) if it cannot."""
    try:
        data = path.read_bytes()
        update = _update(data, pages)
    except (OSError, ValueError, zlib.error) as exc:  # never the path: a teller may name the file after the owner
        log.warning("receipt PDF left without its text layer: %s", getattr(exc, "strerror", None) or type(exc).__name__)
        return False
    try:
        with path.open("ab") as file:
            file.write(update)
    except OSError as exc:
        log.warning("receipt PDF left without its text layer: %s", exc.strerror or type(exc).__name__)
        return False
    return True


def _update(data: bytes, pages: list[list[str]]) -> bytes:
    contents = [int(n) for n in re.findall(rb"/Type /Page\n.*?/Contents (\d+) 0 R", data, re.S)]
    if len(contents) != len(pages):
        raise ValueError(f"{len(contents)} pages in the file, {len(pages)} drawn")
    offset = len(data)
    objects, entries = b"", []
    for number, texts in zip(contents, pages, strict=True):
        stream = _content_stream(data, number)
        blocks = _TEXT_OBJECT.findall(stream)
        if len(blocks) != len(texts):
            raise ValueError(f"{len(blocks)} text objects on a page, {len(texts)} runs drawn")
        pieces = _TEXT_OBJECT.split(stream)  # the text between the text objects
        marked = b"".join(
            piece + _span(block, text) for piece, block, text in zip(pieces[:-1], blocks, texts, strict=True)
        )
        new = zlib.compress(marked + pieces[-1])
        obj = b"%d 0 obj\n<<\n/Length %d\n/Filter /FlateDecode\n>>\nstream\n" % (number, len(new))
        obj += new + b"\nendstream\nendobj\n"
        entries.append((number, offset + len(objects)))
        objects += obj
    xref_at = offset + len(objects)
    xref = b"xref\n0 1\n0000000000 65535 f \n" + b"".join(b"%d 1\n%010d 00000 n \n" % e for e in entries)
    trailer = _last(rb"trailer\s*<<(.*?)>>\s*startxref", data)
    kept = re.sub(rb"/Prev \d+\s*", b"", trailer)
    previous = int(_last(rb"startxref\s+(\d+)", data))
    xref += b"trailer\n<<" + kept.rstrip() + b"\n/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n" % (previous, xref_at)
    return objects + xref


def _content_stream(data: bytes, number: int) -> bytes:
    head = re.search(rb"\n%d 0 obj\n<<\n/Length (\d+)( 0 R)?\n/Filter /FlateDecode\n>>\nstream\r?\n" % number, data)
    if head is None:
        raise ValueError("page content stream not found")
    length = int(head.group(1))
    if head.group(2):  # an indirect length
        length = int(_last(rb"\n%d 0 obj\n(\d+)\nendobj" % length, data))
    return zlib.decompress(data[head.end() : head.end() + length])


def _span(block: bytes, text: str) -> bytes:
    if _INNER_SPAN in block:
        block = block.replace(_INNER_SPAN, b"").replace(b"EMC\nET\n", b"ET\n")
    actual = ("\ufeff" + text).encode("utf-16-be").hex().upper().encode("ascii")
    return b"/Span << /ActualText <" + actual + b"> >> BDC\n" + block + b"EMC\n"


def _last(pattern: bytes, data: bytes) -> bytes:
    found = re.findall(pattern, data, re.S)
    if not found:
        raise ValueError("not a PDF laid out as Qt writes it")
    return bytes(found[-1])
