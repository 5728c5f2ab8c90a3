"""Named entities: parse the clean body with spaCy once, for every later stage.

The parse is kept on ``doc.nlp`` while the document moves through the stages (quotes and events
read it) and dropped before the document is stored or sent between processes.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Document, Mention

#: Entity labels kept as mentions; the others (cardinals, percentages ...) are noise for a record.
KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "DATE", "LAW", "WORK_OF_ART"})
#: Longest body parsed (characters); longer bodies are skipped with reason ``body_too_long``.
MAX_CHARS = 1_000_000


class EntityStage:
    """Parse bodies with spaCy (tagger, parser, NER) and record the named entities as mentions."""

    name = "entities"

    def __init__(self, settings: dict):
        self.model = settings["nlp"]["model"]
        self.batch_size = int(settings["nlp"]["batch_size"])
        self.nlp = None

    def setup(self) -> None:
        """Load the spaCy pipeline (once per process)."""
        from ..nlp import load_nlp

        self.nlp = load_nlp(self.model)
        self.nlp.max_length = max(self.nlp.max_length, MAX_CHARS + 1)

    def __call__(self, doc: Document) -> Document:
        return self.process_batch([doc])[0]

    def process_batch(self, docs: Sequence[Document]) -> Sequence[Document]:
        """Parse a batch of documents with ``nlp.pipe`` (faster than one at a time)."""
        if self.nlp is None:
            self.setup()
        todo = []
        for doc in docs:
            if len(doc.body) > MAX_CHARS:
                doc.drop(f"body_too_long: {len(doc.body):,} characters is over {MAX_CHARS:,}; split the input")
            else:
                todo.append(doc)
        for doc, parsed in zip(todo, self.nlp.pipe((d.body for d in todo), batch_size=self.batch_size)):
            doc.nlp = parsed
            doc.mentions = [Mention(e.start_char, e.end_char, e.text, e.label_) for e in parsed.ents
                            if e.label_ in KEPT_LABELS]
        return docs
