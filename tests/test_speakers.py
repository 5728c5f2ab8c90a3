"""Speaker resolution: canonical names, shared surnames, pronouns, descriptions, roles."""
import pytest

from onrecord.model import Document
from onrecord.stages.quotes import extract_quotes
from onrecord.stages.quotes_lex import clean_name


def run(body: str):
    doc = Document(source="t.txt", doc_id="t", fmt="text", body=body)
    return extract_quotes(doc).quotes


def speaker_of(quotes, fragment):
    hits = [q for q in quotes if fragment in q.text]
    assert hits, f"no quote containing {fragment!r} in {[q.text for q in quotes]}"
    return hits[0].speaker


FOUR_KIMS = "\n\n".join([
    "North Korean leader Kim Jong-un inspected a new missile factory on Monday, state media reported.",
    "In Washington, Sung Kim, the U.S. special representative for North Korea, said the United States "
    "remained ready to meet without preconditions.",
    '"Our offer stands and it will not expire," Kim said. "We hope Pyongyang will respond positively."',
    "Kim Kae-gwan, a veteran North Korean diplomat, dismissed the offer in a statement carried by KCNA. "
    "Kim said Washington's hostile policy had not changed at all.",
    "David Kim, a researcher at the Stimson Center, said both sides were talking past each other.",
    '"Neither side wants to be seen blinking first," Kim told The Korea Times.',
])


@pytest.mark.parametrize("fragment, speaker", [
    ("state media", None),
    ("remained ready to meet", "Sung Kim"),
    ("Our offer stands", "Sung Kim"),
    ("respond positively", "Sung Kim"),
    ("hostile policy", "Kim Kae-gwan"),
    ("talking past each other", "David Kim"),
    ("blinking first", "David Kim"),
])
def test_four_kims(fragment, speaker):
    quotes = run(FOUR_KIMS)
    if speaker is None:
        return
    assert speaker_of(quotes, fragment) == speaker


@pytest.mark.parametrize("body, fragment, speaker", [
    # the fullest name the article gives, not the surname at the cue
    ('State Department spokesman John Kirby spoke on Monday.\n\n"This is done by private citizens," Kirby said.',
     "private citizens", "John Kirby"),
    # a name the tagger misses ("Campbell" as an organisation) still resolves to the full name
    ('Assistant Secretary of State Kurt Campbell arrived on Monday.\n\n"We are going to lay out our '
     'expectations very clearly," Campbell said in Hong Kong.', "expectations", "Kurt Campbell"),
    # honorific plus surname
    ("The Prime Minister, Tony Blair, spoke in the Commons. Mr Blair said: \"We will not walk away from "
     "our responsibilities.\"", "walk away", "Tony Blair"),
    # pronouns across paragraphs
    ("Senator Elizabeth Warren criticized the merger on Thursday.\n\n\"This deal would crush competition and "
     "raise prices,\" she said in a statement.", "crush competition", "Elizabeth Warren"),
    ("Pompeo also remained optimistic on the resumption of dialogue.\n\n\"We still haven't made the progress "
     "we need to make,\" he said.", "progress", "Pompeo"),
    # an unnamed source keeps the article's description; "the official" refers back to it
    ("A senior U.S. official said the visit was routine.\n\n\"We need to see many more indications from the "
     "North,\" the official said.", "many more indications", "a senior U.S. official"),
    # a new indefinite description is a new speaker; "he" then refers to it
    ("A senior U.S. official said the talks were useful. Clinton met Dai Bingguo later. A U.S. official said "
     "they spoke for four hours.\n\n\"We are getting close to the last chance,\" he said.",
     "last chance", "a U.S. official"),
    # a description with no earlier noun to match refers to the person the story is about
    ("Secretary of State Mike Pompeo said Monday that talks would go on. The ranking U.S. diplomat also said "
     "that the promise of a brighter future was real.", "brighter future", "Mike Pompeo"),
    # groups and institutions speak too
    ("Experts based in Seoul and Washington, however, pointed out that the approach lacked understanding.",
     "lacked understanding", "Experts based in Seoul and Washington"),
    ("Unification Ministry spokesperson Koo Byoung-sam spoke on Monday. The ministry said it would continue "
     "efforts to restore communication lines.", "communication lines", "Unification Ministry"),
    ("The Congress Research Service, a Washington-based think tank, said in a report that North Korea is "
     "suspected of partnering with Iran.", "partnering with Iran", "Congress Research Service"),
    # the plural pronoun follows a plural speaker
    ("Executives from both firms told investors that the deal would close by the end of the year.\n\n"
     "\"We are confident it will close on time,\" they said.", "confident", "Executives from both firms"),
    # the owner of a statement noun
    ("Seoul rejected North Korea and Russia\u2019s claim that \u201cTo resume the talks, it must be without "
     "preconditions.\u201d", "resume the talks", "North Korea and Russia"),
    ("'It's all talk and nothing more,' said one backbencher.", "all talk", "one backbencher"),
])
def test_speaker_resolution(body, fragment, speaker):
    assert speaker_of(run(body), fragment) == speaker


@pytest.mark.parametrize("body, fragment, mention, role, affiliation", [
    ('"There is no involvement here," State Department spokesman John Kirby said.', "no involvement",
     "State Department spokesman John Kirby", "State Department spokesman", "State Department"),
    ("David Kim, a research analyst with the Stimson Center, said there was a gap in understanding.",
     "gap in understanding", "David Kim", "research analyst with the Stimson Center", "Stimson Center"),
    ('"We remain open to dialogue with them," he said. ', None, None, None, None),
])
def test_mention_role_affiliation(body, fragment, mention, role, affiliation):
    quotes = run(body)
    if fragment is None:
        assert all(q.speaker != "he" for q in quotes)
        return
    q = [q for q in quotes if fragment in q.text][0]
    assert q.speaker_mention == mention
    assert q.speaker_role == role
    assert q.speaker_affiliation == affiliation


@pytest.mark.parametrize("text, name", [
    ("Special Envoy Kim", "Kim"),
    ("Mr. Blair's", "Blair"),
    ("Councilor Dai Bingguo", "Dai Bingguo"),
    ("Kim Jong-un", "Kim Jong-un"),
    ("President", ""),
])
def test_clean_name(text, name):
    assert clean_name(text) == name
