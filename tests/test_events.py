"""The events stage: PLOVER types, modes, frames, parties, dates and offsets on hand-written news."""
import pytest

from onrecord.coder.plover import CORRECTIONS, MODES, TYPES, from_cameo
from onrecord.model import Document, Quote
from onrecord.stages.events import extract_events


def code(text, published="2021-06-10", quotes=()):
    doc = Document(source="t.txt", doc_id="t", fmt="text", body=text, published=published)
    doc.quotes = list(quotes)
    return extract_events(doc).events


def only(text, **kw):
    events = code(text, **kw)
    assert len(events) == 1, [(e.type, e.actor, e.recipient) for e in events]
    return events[0]


@pytest.mark.parametrize("text,kind,actor,recipient", [
    ("Police arrested three opposition activists in Cairo on Monday.", "COERCE", "Police", "opposition activists"),
    ("France urged Iran to release the detained journalists.", "REQUEST", "France", "Iran"),
    ("Germany condemned Russia for the attack on the embassy.", "ACCUSE", "Germany", "Russia"),
    ("The Kenyan government accused Somalia of harbouring militants.", "ACCUSE", "Kenyan government", "Somalia"),
    ("The United States sent humanitarian aid to Haiti.", "AID", "United States", "Haiti"),
    ("The foreign minister of Brazil visited Argentina on Tuesday.", "CONSULT", "foreign minister of Brazil",
     "Argentina"),
    ("Rebels ambushed an army patrol near the border.", "ASSAULT", "Rebels", "army patrol"),
    ("Thousands of students protested against the new law in Dhaka.", "PROTEST", "students", None),
    ("The army released 20 prisoners on Friday.", "RETREAT", "army", "20 prisoners"),
    ("The government lifted the curfew in the capital.", "CONCEDE", "government", "capital"),
    ("Spain expelled two Russian diplomats.", "SANCTION", "Spain", "Russian diplomats"),
    ("Egypt and Sudan signed a treaty of friendship.", "SUPPORT", "Egypt", None),
])
def test_acts(text, kind, actor, recipient):
    event = only(text)
    assert event.type == kind
    assert event.actor is not None and event.actor.name == actor
    assert (event.recipient.name if event.recipient else None) == recipient


@pytest.mark.parametrize("text,kind,mode", [
    # modality and negation (EVENTS.md: announced retreats are CONCEDE, possible sanctions THREATEN)
    ("Iran refused to meet the European negotiators.", "REJECT", "meet"),
    ("Israel will withdraw its troops from the town.", "CONCEDE", None),
    ("Japan may impose sanctions on North Korea.", "THREATEN", "restrict"),
    ("Turkey threatened to close its border with Syria.", "THREATEN", "restrict"),
    ("The rebels agreed to a ceasefire on Sunday.", "CONCEDE", None),
    ("Chile offered to mediate between Peru and Bolivia.", "AGREE", None),
    ("The government plans to impose a curfew in the north.", "THREATEN", "restrict"),
    ("The union called off the strike on Friday.", "CONCEDE", None),
    # modes from the weapon or the kind of act
    ("Gunmen shot dead two policemen in Karachi.", "ASSAULT", "firearms"),
    ("A suicide bomber killed nine people at a market in Kabul.", "ASSAULT", "suicide-attack"),
    ("Militants kidnapped four aid workers near Mogadishu.", "ASSAULT", "abduct"),
    ("Protesters blocked the main highway to the airport.", "PROTEST", "obstruct"),
    ("Police fired tear gas at the demonstrators.", "ASSAULT", "crowd-control"),
])
def test_frames_and_modes(text, kind, mode):
    event = only(text)
    assert (event.type, event.mode) == (kind, mode)


@pytest.mark.parametrize("text", [
    "Russia did not attack the village.",  # denied
    "The president said the economy was growing.",  # a bare statement
    "Did Russia attack Ukraine?",  # a question
    "If the army attacks the town, thousands will flee.",  # a condition
    "Analysts expect the two sides to sign a deal next year.",  # a prediction
    "Officials typically meet their counterparts twice a year.",  # habitual
    "Manchester United beat Chelsea in the cup final.",  # sport (Phoenix discards)
])
def test_no_event(text):
    assert code(text) == []


def test_passive_voice_takes_the_agent_as_actor():
    event = only("Two soldiers were killed by militants in a roadside bomb attack.")
    assert event.type == "ASSAULT" and event.mode == "explosives"
    assert event.actor.name == "militants"
    assert event.recipient.name == "Two soldiers"


def test_no_actor_named():
    event = only("A roadside bomb killed three soldiers near Basra on Sunday.")
    assert event.type == "ASSAULT" and event.actor is None and event.recipient.name == "three soldiers"


def test_statement_that_demands_is_a_request():
    event = only("The Red Cross said both armies must let aid convoys through.")
    assert event.type == "REQUEST" and event.actor.name == "Red Cross"


def test_pronoun_takes_the_reporting_subject():
    event = only("Nigeria said it would withdraw its peacekeepers from Chad.")
    assert event.type == "THREATEN"
    assert event.actor.name == "Nigeria" and event.actor.country == "NGA"
    assert event.recipient.name == "Chad"


def test_quote_speakers_give_the_canonical_person():
    body = 'John Kirby, a State Department spokesman, spoke on Monday. Kirby urged Pyongyang to return to talks.'
    quote = Quote(text="x", kind="indirect", start=0, end=1, speaker="John Kirby")
    events = code(body, quotes=[quote])
    assert [(e.type, e.actor.name, e.recipient.name) for e in events] == [("REQUEST", "John Kirby", "Pyongyang")]


@pytest.mark.parametrize("text,country", [
    ("Egyptian police arrested 12 protesters.", "EGY"),
    ("Amnesty International accused the government of torture.", "NGO"),
    ("NATO warned Serbia against an offensive.", "IGO"),
    ("Hezbollah fired rockets into northern Israel.", "LBN"),
])
def test_actor_country(text, country):
    assert only(text).actor.country == country


def test_dates_resolve_against_the_story_and_the_act():
    event = only("Rebels attacked the town on Wednesday, officials said on Friday.", published="2021-06-12")
    assert (event.date, event.date_text) == ("2021-06-09", "on Wednesday")
    event = only("Rebels attacked the town, officials said on Friday.", published="2021-06-12")
    assert (event.date, event.date_text) == ("2021-06-11", "on Friday")
    event = only("Rebels attacked the town.", published="2021-06-12")
    assert (event.date, event.date_text) == ("2021-06-12", None)


def test_announced_act_is_dated_by_the_announcement():
    event = only("The minister will visit China on Wednesday.", published="2021-06-12")
    assert event.type == "AGREE" and event.date == "2021-06-12"


def test_offsets_point_at_the_sentence_in_the_body():
    body = "Talks resumed.\n\nPolice arrested three activists in Cairo.\n\nThe weather was fine."
    events = code(body)
    assert len(events) == 1
    e = events[0]
    assert body[e.start:e.end] == e.sentence == "Police arrested three activists in Cairo."


def test_stage_parses_when_no_parse_is_given_and_falls_back_to_page_date():
    doc = Document(source="t", doc_id="t", fmt="text", body="Police arrested him on Monday.", page_date="2021-06-10")
    extract_events(doc)
    assert doc.nlp is not None and doc.nlp.text == doc.body
    assert doc.events[0].date == "2021-06-07"


def test_empty_body():
    doc = Document(source="t", doc_id="t", fmt="text", body="")
    assert extract_events(doc).events == []


def test_contract_shape():
    contract = only("Police arrested three activists in Cairo on Monday.").to_contract()
    assert set(contract) == {"type", "mode", "context", "actor", "recipient", "date", "date_text", "location",
                             "sentence", "start", "end"}
    assert contract["type"] in TYPES and isinstance(contract["context"], list)
    assert contract["location"] == "Cairo"


@pytest.mark.parametrize("code_,kind,mode", [
    ("173", "COERCE", "arrest"),
    ("0841", "RETREAT", "release"),
    ("050", "SUPPORT", None),
    ("0813", "CONCEDE", None),  # easing a curfew is verbal (manual), not RETREAT (table)
    ("163", "SANCTION", "discontinue"),  # sanctions reduce relations (manual), not COERCE (table)
    ("175", "ASSAULT", "crowd-control"),  # the table's mode slot holds a context
    ("176", "COERCE", "cyber"),  # no row in the table
    ("1952", "ASSAULT", "drone"),  # no row in the table
    ("0211", "REQUEST", "assist"),  # appeals: our choice, REQUEST
    ("186", "ASSAULT", "targeted"),  # "assassinate" is no longer a mode
    ("012", None, None),  # statements are not events
    ("---", None, None),
])
def test_cameo_to_plover(code_, kind, mode):
    found = from_cameo(code_)
    assert (found.type if found else None, found.mode if found else None) == (kind, mode)


def test_every_correction_uses_current_types_and_modes():
    for kind, mode, _ in CORRECTIONS.values():
        assert kind in TYPES
        assert mode is None or mode in MODES[kind]


def test_without_a_story_date_only_dates_that_name_their_year():
    events = code("Police arrested him on Monday. Rebels attacked the town on 5 March 2019.", published=None)
    assert [(e.date, e.date_text) for e in events] == [(None, None), ("2019-03-05", "on 5 March 2019")]
