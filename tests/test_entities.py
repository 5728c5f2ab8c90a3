"""The spaCy stage: one parse per body, entities kept as offsets into the body."""
from __future__ import annotations

from onrecord.model import Document
from onrecord.stages.entities import MAX_CHARS, EntityStage

BODY = ("State Department spokesman John Kirby said on Monday that the United States was open to talks.\n\n"
        "Kirby spoke in Washington, a week after meetings in Kuala Lumpur.")


def doc(body: str, i: int = 0) -> Document:
    return Document(source=f"s{i}", doc_id=f"d{i}", fmt="text", body=body)


def test_entities_point_into_the_body(settings):
    stage = EntityStage(settings)
    [d] = stage.process_batch([doc(BODY)])
    assert d.nlp is not None and d.nlp.text == BODY
    assert all(BODY[m.start:m.end] == m.text for m in d.mentions)
    found = {(m.text, m.label) for m in d.mentions}
    assert ("John Kirby", "PERSON") in found
    assert ("Washington", "GPE") in found
    assert not any(m.label in ("CARDINAL", "PERCENT") for m in d.mentions)


def test_batch_parse_equals_one_at_a_time(settings):
    stage = EntityStage(settings)
    bodies = [BODY, "Sung Kim met Hwang Joon-kook in Seoul on Friday.", BODY.upper()]
    batch = stage.process_batch([doc(b, i) for i, b in enumerate(bodies)])
    single = [stage(doc(b, i)) for i, b in enumerate(bodies)]
    assert [d.mentions for d in batch] == [d.mentions for d in single]


def test_body_too_long_is_skipped_with_a_reason(settings):
    stage = EntityStage(settings)
    big, small = doc("word " * (MAX_CHARS // 5 + 10), 0), doc(BODY, 1)
    stage.process_batch([big, small])
    assert big.status == "skipped" and big.reason.startswith("body_too_long")
    assert small.ok and small.mentions
