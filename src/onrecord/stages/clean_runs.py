"""Runs of a scraped page: stretches of paragraphs that could be the article, and how article-like
each one is.

A page copied from a browser holds several stretches of text that read like prose: the article,
and often a comment section, a list of other stories with their summaries, a newsletter box, a
site's "about us". They differ in shape: an article's paragraphs keep coming back to the same
people and things (they share words), a list of teasers jumps from topic to topic, and a stream
of posts (comments, a feed) puts a time stamp, a signature or a vote count between its
paragraphs. ``build_runs`` cuts the page into runs and measures them; ``run_score`` weighs them.
"""
from __future__ import annotations

import collections
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import clean_lines as cl
from . import clean_signals as cs

if TYPE_CHECKING:
    from .clean import Line

#: Line kinds that end a run: nothing of the article follows them.
HARD = frozenset({"footer", "credit", "byline", "tags", "list_header", "comments"})
#: More than this many consecutive non-body lines (weighted) end a run.
MAX_NOISE_STREAK = 4
#: Consecutive paragraphs shorter than this (characters) count as one for cohesion.
_CHUNK_CHARS = 250
#: Kinds of the furniture between the posts of a stream (comments, a feed of teasers).
_POST_FURNITURE = frozenset({"meta", "date"})
#: Kinds of the lines that head an article: its date stamp, byline, dateline.
_HEAD_KINDS = frozenset({"date", "byline", "dateline"})

_STOP = frozenset("""
that this with from have were been they their there which would could about after also more than into over
said says what when will your just only some such other most very them then these those where while being
because before should does like make made many much even well back through still here year years first last
time each both same into onto upon within without against between among under again further once does doing
having itself themselves ourselves yourself himself herself whose whom whether either neither since until
week weeks month months today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
""".split())
_KEYWORD = re.compile(r"[a-z][a-z'\u2019\-]{3,}")


_NAME_WORD = re.compile(r"(?<=[\w,;:)\u2019'\"] )[A-Z][a-z]{2,}(?:[A-Z][a-z]+)?")


def keywords(text: str) -> set[str]:
    """The content words of ``text``: lower-cased words of four letters or more, function words
    and day/month words left out; a capitalised word inside a sentence (a name) also as
    ``"#name"``, so that names, which say most about what a text is about, count twice."""
    out = {w for w in _KEYWORD.findall(text.lower()) if w not in _STOP}
    out.update("#" + w.lower() for w in _NAME_WORD.findall(text) if w.lower() not in _STOP)
    return out


def keepable(ln: Line) -> bool:
    """Whether a line can carry article text on its own (a paragraph, a sentence, a list item, an
    embedded post)."""
    return ln.kind in ("prose", "sentence", "item", "embed")


#: An interview's question or answer ("Q: Favorite books?", "A: Lebron James").
_QA_LABEL = re.compile(r"^[QA][:.] ")


def headline_like(ln: Line) -> bool:
    """A short line written as a headline or link text: no paragraph, no list bullet, three to
    twenty-five words, not closing a sentence with a period; an interview's short questions and
    answers ("Q: Favorite books?") are none."""
    if ln.kind not in ("short", "sentence") or ln.bullet or _QA_LABEL.match(ln.text):
        return False
    n = len(cl.words(ln.text))
    # A line ending in a colon or an ellipsis introduces what follows.
    return 3 <= n <= 25 and not ln.text.rstrip("\"'\u201d\u2019)").endswith((".", ":", "\u2026"))



@dataclass(slots=True)
class Run:
    """A stretch of lines from one paragraph (``start``) to the last keepable line (``end``),
    both indices into the page's lines. ``chars``/``prose`` count its paragraphs' characters and
    lines, ``size`` its lines of three words or more but captions up to ``end``, ``meta`` the post furniture among them (time stamps, vote
    counts, signatures); ``after_comments`` says a comment-section header stands just before it,
    ``anchored`` that a date stamp or byline does (an article's head); ``repeats`` counts the
    characters of its paragraphs that the page shows elsewhere too (tickers, teasers, captions),
    ``glued`` its paragraphs that start with a headline glued to them (a list of teasers),
    ``paired``/``paired_chars`` its paragraphs right under a headline-like line and their length;
    ``words`` counts its paragraphs' content words, ``cohesion`` (0-1) is how much its paragraphs
    share them."""

    start: int
    end: int
    chars: int = 0
    prose: int = 0
    size: int = 1
    meta: int = 0
    after_comments: bool = False
    anchored: bool = False
    repeats: int = 0
    glued: int = 0
    paired: int = 0
    paired_chars: int = 0
    words: collections.Counter = field(default_factory=collections.Counter)
    cohesion: float = 0.0
    chunks: int = 1

    @property
    def stream(self) -> bool:
        """A stream of posts (comments, a feed): furniture between its paragraphs, again and again."""
        return self.meta >= 2 and self.meta * 4 >= self.prose

    @property
    def article_like(self) -> bool:
        return self.prose >= 2 and self.prose >= 0.4 * self.size


def _streak_weight(ln: Line) -> float:
    """How much a non-body line inside the article says "the article is over": photo captions,
    credits and stray interface words of an embedded post say little; headline-like lines and
    list items (a list of other stories) say more."""
    if ln.kind in ("caption", "junk", "dup", "ui", "contact") or len(cl.words(ln.text)) <= 2:
        return 0.5
    return 1.0


def build_runs(lines: list[Line]) -> list[Run]:
    """Cut the page into runs: each starts at a paragraph and ends at a hard boundary (byline,
    credit, tags, footer, a list or comment header) or a long streak of non-body lines."""
    runs: list[Run] = []
    cur: Run | None = None
    streak = 0.0
    size_at_end = 1
    last_comments = -100
    paras: list[set[str]] = []
    chunk = 0
    seen = collections.Counter(ln.text for ln in lines if ln.kind == "prose")
    breaks = stream_starts(lines)
    ledes = _headed_ledes(lines)
    page = "\n".join(ln.text for ln in lines)

    def glued(text: str) -> int:
        # A word written so more than once on the page ("MacBook") is a name, not a glue.
        word = cs.glued_word(text)
        return int(word is not None and page.count(word) == 1)


    def close(run: Run) -> None:
        run.cohesion = _cohesion(paras)
        run.chunks = len(paras)
        # Lines after the run's last paragraph (the noise that ended it) are not part of it.
        run.size = size_at_end
        runs.append(run)

    for i, ln in enumerate(lines):
        if ln.kind == "comments":
            last_comments = i
        if cur is not None and i in breaks and cur.meta <= 1:
            close(cur)  # an article (no stream of its own so far) ends where a stream begins
            cur = None
        if cur is not None and i in ledes:
            close(cur)  # another article begins: its first paragraph opens with a dateline
            cur = None
        if cur is None:
            if ln.kind == "prose":
                kw = keywords(ln.text)
                cur = Run(i, i, len(ln.text), 1, 1, after_comments=i - last_comments <= 6,
                          anchored=any(p.kind in _HEAD_KINDS for p in lines[max(0, i - 5):i]),
                          repeats=len(ln.text) if seen[ln.text] > 1 else 0, glued=glued(ln.text),
                          words=collections.Counter(kw))
                paras = [kw]
                chunk = len(ln.text)
                streak = 0
                size_at_end = 1
            continue
        if ln.kind in HARD:
            close(cur)
            cur = None
            continue
        # Table cells, numbers and single words (one line per cell in a crude dump) and photo
        # captions do not make the run less of an article.
        if keepable(ln) or (ln.kind != "caption" and len(cl.words(ln.text)) >= 3):
            cur.size += 1
        if ln.kind in _POST_FURNITURE:
            cur.meta += 1
        if keepable(ln) or (ln.kind == "short" and streak < 2):
            if ln.kind == "prose":
                kw = keywords(ln.text)
                cur.chars += len(ln.text)
                cur.prose += 1
                cur.repeats += len(ln.text) if seen[ln.text] > 1 else 0
                cur.glued += glued(ln.text)
                if headline_like(lines[i - 1]):
                    cur.paired += 1
                    cur.paired_chars += len(ln.text)
                cur.words.update(kw)
                # Sentences one per line (a page that sets each in a paragraph of its own) count
                # together up to a paragraph's length, so that a short sentence sharing no word
                # with the others does not make the article look like a list.
                if lines[i - 1].kind in ("prose", "sentence") and chunk < _CHUNK_CHARS:
                    paras[-1] = paras[-1] | kw
                    chunk += len(ln.text)
                else:
                    paras.append(kw)
                    chunk = len(ln.text)
            if keepable(ln):
                cur.end = i
                size_at_end = cur.size
            streak = 0 if keepable(ln) else streak + 1
        else:
            streak += _streak_weight(ln)
            if streak > MAX_NOISE_STREAK:
                close(cur)
                cur = None
    if cur is not None:
        close(cur)
    return runs


def _headed_ledes(lines: list[Line]) -> set[int]:
    """Indices of the paragraphs that open an article: a dateline first ("ST. JOSEPH, Mich. (AP)
    \u2014 ..."), under a line that is no paragraph (its head: a date stamp, a byline, tags)."""
    from .clean_edges import is_dateline_lede  # clean_edges builds on this module

    return {i for i, ln in enumerate(lines) if ln.kind == "prose" and i > 0
            and lines[i - 1].kind not in ("prose", "sentence") and is_dateline_lede(ln.text)}


def stream_starts(lines: list[Line]) -> set[int]:
    """Indices of the lines where a stream of posts begins (a feed of teasers, each with a time
    stamp or a count; comments with their signatures), so that the article it follows with no
    boundary ends before it: the first item, a headline and a paragraph or less, above the first
    of two pieces of post furniture within ten lines with one or two paragraphs between them."""
    out: set[int] = set()
    furniture = [i for i, ln in enumerate(lines) if ln.kind in _POST_FURNITURE]
    last = -100  # the last furniture of the stream found so far
    for a, b in zip(furniture, furniture[1:]):
        # One item between two pieces of furniture: a paragraph or two, not an article's worth.
        if b - a > 10 or not 1 <= sum(ln.kind == "prose" for ln in lines[a + 1:b]) <= 2:
            continue
        # The posts of a stream carry the same furniture (a time stamp each, or a vote count each);
        # an article's own date stamp above its first paragraph is not one of them.
        if a > last and lines[a].kind != lines[b].kind:
            continue
        if a <= last:
            last = b
            continue
        last = b
        # Items just above whose blurb was too short to count, under the same kind of furniture.
        j = furniture.index(a)
        while (j > 0 and a - furniture[j - 1] <= 4 and lines[furniture[j - 1]].kind == lines[a].kind
               and sum(ln.kind == "prose" for ln in lines[furniture[j - 1] + 1:a]) <= 1):
            j -= 1
            a = furniture[j]
        k = a - 1
        # An item's blurb stands under its headline; a paragraph under another paragraph is the
        # end of the article the stream follows.
        if k >= 0 and lines[k].kind == "prose" and (k == 0 or lines[k - 1].kind not in ("prose", "sentence")):
            k -= 1
        if k >= 0 and lines[k].kind == "short":
            k -= 1
        out.add(k + 1)
    return out


def _cohesion(paras: list[set[str]]) -> float:
    """Mean share of each paragraph's content words that some other paragraph of the run uses."""
    if len(paras) < 2:
        return 0.0
    count = collections.Counter(w for p in paras for w in p)
    shares = [sum(1 for w in p if count[w] > 1) / len(p) for p in paras if p]
    return sum(shares) / len(shares) if shares else 0.0


def run_score(run: Run) -> float:
    """How much article a run holds: its paragraphs' characters, discounted when the paragraphs
    alternate with other lines (teasers with headlines and time stamps), when they do not share
    their words (a list of other stories), when posts' furniture sits between them (comments, a
    feed), when a comment-section header stands before the run, when most paragraphs open with a
    headline glued to them or stand, short, each under a headline of its own (teasers);
    paragraphs the page repeats elsewhere count half."""
    score = (run.chars - run.repeats / 2) * min(1.0, run.prose / run.size / 0.6)
    if run.prose >= 6 and run.chunks >= 3:
        score *= min(1.0, max(0.3, (run.cohesion - 0.04) / 0.2))
    if run.stream:
        score *= 0.25
    if run.after_comments:
        score *= 0.1
    if run.glued >= 3 and run.glued * 2 >= min(run.prose, run.chunks):
        score *= 0.2
    # Each short paragraph under a headline of its own: a list of teasers, not an article's
    # sections (which run longer).
    if run.prose >= 4 and run.paired >= 0.65 * run.prose and run.paired_chars <= 220 * run.paired:
        score *= 0.3
    return score


def topical(run: Run, words: collections.Counter) -> float:
    """Share (0-1) of the run's content words (by occurrence) that ``words`` (the article's so
    far) holds: how much the run keeps to the article's topic."""
    return topical_words(run.words, words)


def topical_words(words: collections.Counter, other: collections.Counter) -> float:
    """Share (0-1) of the occurrences of ``words`` whose word ``other`` holds."""
    total = sum(words.values())
    if not total:
        return 0.0
    return sum(n for w, n in words.items() if w in other) / total
