"""What the quote finders share about one article: its parse, its quoted spans and its sentences.

Built once per document; every lookup is a bisect or an array read, so finding a cue for one quote
never scans the whole article.
"""
from __future__ import annotations

import bisect
import re

from .quotes_lex import SPEECH_VERBS
from .quotes_marks import QuotedSpan, find_quoted, paragraphs
from .speakers import SpeakerIndex

_BREAK = re.compile(r"[.!?](?=[\s\"'\u201d\u2019)]*(\s|$))")


class QuoteContext:
    """The article ``body``, its spaCy Doc ``sdoc`` and the quoted spans found in it."""

    def __init__(self, body: str, sdoc):
        self.body = body
        self.doc = sdoc
        self.spans: list[QuotedSpan] = find_quoted(body)
        self.span_starts = [s.start for s in self.spans]
        self.paras = paragraphs(body)
        self._para_starts = [p[0] for p in self.paras]
        # Quoted ranges including their marks, for "is this offset inside a quote".
        self._ranges = [(s.open_at, (s.close_at if s.close_at is not None else s.end) + 1) for s in self.spans]
        self._range_starts = [r[0] for r in self._ranges]
        self.tok_starts = [t.idx for t in sdoc]
        self.breaks = self._sentence_breaks()
        self.speakers = SpeakerIndex(sdoc, self.inside_quote, self.sentence_bounds)

    # -- positions -----------------------------------------------------------------------------
    def inside_quote(self, pos: int) -> bool:
        """True when body offset ``pos`` lies within a quoted span or on its marks."""
        k = bisect.bisect_right(self._range_starts, pos) - 1
        return k >= 0 and self._ranges[k][0] <= pos < self._ranges[k][1]

    def quote_index_at(self, pos: int) -> int:
        """Index in ``spans`` of the quoted span covering ``pos``, or -1."""
        k = bisect.bisect_right(self._range_starts, pos) - 1
        return k if k >= 0 and self._ranges[k][0] <= pos < self._ranges[k][1] else -1

    def para_of(self, pos: int) -> int:
        """Index of the paragraph holding body offset ``pos``."""
        return max(0, bisect.bisect_right(self._para_starts, pos) - 1)

    def _sentence_breaks(self) -> list[int]:
        """Offsets just after the writer's sentence ends: end punctuation outside quotes, a closing
        mark after a quoted sentence that is followed by a capital, and paragraph ends."""
        out = set()
        for ps, pe in self.paras:
            out.add(ps)
            out.add(pe)
        for m in _BREAK.finditer(self.body):
            pos = m.end()
            if self.inside_quote(m.start()):
                continue
            # "U.S." / "Dec. 1": an abbreviation before a lower-case word or a number is no break.
            after = self.body[pos:pos + 3].lstrip()
            if after[:1].islower() or after[:1].isdigit():
                continue
            if re.search(r"(\b[A-Za-z]\.[A-Za-z]\.|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Jr|No|Prof|"
                         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$",
                         self.body[max(0, pos - 6):pos]):
                # "U.S. Senate", "Mr. Kim", "10:30 p.m. Aug. 9": a break only where the parser starts
                # a sentence too.
                nxt = self.token_at_or_after(pos)
                if nxt is None or not nxt.is_sent_start:
                    continue
            out.add(pos)
        for s in self.spans:
            if s.close_at is None:
                out.add(s.end)
                continue
            inner_end = self.body[s.start:s.end].rstrip()[-1:]
            after = self.body[s.close_at + 1:s.close_at + 4].lstrip()[:1]
            if inner_end in ".!?" and (after == "" or after.isupper() or after in "\"\u201c\u2018'") \
                    and not self._cue_clause_at(s.close_at + 1):
                out.add(s.close_at + 1)
        return sorted(out)

    def _cue_clause_at(self, pos: int) -> bool:
        """True when the words from ``pos`` to the end of the writer's sentence are only a cue ("Hart
        asked." / "He Wenbo, a former adviser, said at a conference."), so the quoted sentence before
        them is part of that sentence, not a sentence of its own."""
        toks = self.tokens_between(pos, pos + 300)
        seen_cue = False
        for tok in toks[:40]:
            if tok.text in (".", "!", "?", ";") or tok.is_space:
                return seen_cue
            if tok.text in ('"', "\u201c", "\u2018"):
                return seen_cue
            finite = tok.tag_ in ("VBD", "VBZ", "VBP", "MD") and tok.dep_ not in ("relcl", "acl")
            if not seen_cue and tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_VERBS and tok.tag_ != "VBG":
                seen_cue = True
            elif finite:
                return False
        return False

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """The writer's sentence around ``pos``: (start, end) body offsets."""
        k = bisect.bisect_right(self.breaks, pos)
        start = self.breaks[k - 1] if k else 0
        end = self.breaks[k] if k < len(self.breaks) else len(self.body)
        while start < end and self.body[start].isspace():
            start += 1
        while end > start and self.body[end - 1].isspace():
            end -= 1
        return start, end

    # -- tokens --------------------------------------------------------------------------------
    def tokens_between(self, start: int, end: int):
        """The tokens that start within body offsets ``[start, end)``."""
        i = bisect.bisect_left(self.tok_starts, start)
        j = bisect.bisect_left(self.tok_starts, end)
        return self.doc[i:j]

    def token_at_or_after(self, pos: int):
        """The first token starting at or after body offset ``pos``, or None."""
        i = bisect.bisect_left(self.tok_starts, pos)
        return self.doc[i] if i < len(self.doc) else None

    def token_at(self, pos: int):
        """The token covering body offset ``pos`` (or the one just before it)."""
        i = max(0, bisect.bisect_right(self.tok_starts, pos) - 1)
        return self.doc[i]
