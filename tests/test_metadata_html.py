"""Page metadata from HTML markup: a wire story's production credit, the page owner's name."""
from __future__ import annotations

import pytest
from lxml import html as lh

from onrecord.stages.html_meta import credit_authors, page_metadata

BODY = "<p>The ministry said exports rose for a third month in October, helped by demand for chips.</p>"


@pytest.mark.parametrize("credit,names", [
    ("<p><em>(Reporting by Jane Roe; Editing by John Doe)</em></p>", ["Jane Roe"]),
    ("<p>(Reporting by Jane Roe and Ann Lee in Seoul; Additional reporting by Ben Kim; Editing by John Doe)</p>",
     ["Jane Roe", "Ann Lee", "Ben Kim"]),
    ("<p>(Editing by John Doe)</p>", []),
    ("<p>He was praised for reporting by Jane Roe and others on the case.</p>", []),
    ('<figure><figcaption>(Reporting by Jane Roe)</figcaption></figure>', []),
])
def test_production_credit_names_the_reporters(credit, names):
    tree = lh.fromstring(f"<html><body><article>{BODY}{credit}</article></body></html>")
    assert credit_authors(tree) == names


@pytest.mark.parametrize("head,authors", [
    # The page owner in the author tag next to the writer from structured data: the writer only.
    ('<meta name="author" content="Example Media"><meta name="copyright" content="Copyright (c) Example Media 2030">'
     '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Exports rise again", "author": [{"@type": "Person", "name": "Jane Roe"}]}'
     '</script>', ["Jane Roe"]),
    # A personal blog: its owner is its writer.
    ('<meta name="author" content="Jane Roe"><meta name="copyright" content="(c) 2030 Jane Roe">', ["Jane Roe"]),
])
def test_the_page_owner_is_not_a_writer(head, authors):
    tree = lh.fromstring(f"<html><head><title>Exports rise again</title>{head}</head><body>{BODY}</body></html>")
    assert page_metadata(tree).authors == authors
