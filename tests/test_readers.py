"""Readers: every input becomes one document, read or accounted for with a reason."""
from __future__ import annotations

import gzip
import io
import json
import os

import pytest

from onrecord.errors import InputError
from onrecord.readers import expand_paths, read_inputs
from onrecord.readers.base import decode_bytes

from .conftest import ARTICLE, write_article


def read_all(paths, settings):
    return list(read_inputs([str(p) for p in paths], settings))


def test_plain_text_file_is_read_with_content_id(tmp_path, settings):
    path = write_article(tmp_path / "a.txt")
    [doc] = read_all([path], settings)
    assert doc.ok and doc.fmt == "text" and doc.source == str(path)
    assert "John Kirby" in doc.raw and len(doc.doc_id) == 16
    [again] = read_all([path], settings)
    assert again.doc_id == doc.doc_id


@pytest.mark.parametrize("name,data,status,reason", [
    ("empty.txt", b"", "skipped", "empty_file"),
    ("blank.txt", b"  \n\n \t\n", "skipped", "empty_file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "skipped", "binary_file"),
    ("nul.txt", b"abc\x00\x00\x01\x02def" * 100, "skipped", "binary_file"),
    ("pdf.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "skipped", "binary_file"),
    ("cut.html.gz", gzip.compress(b"<html><body>" + b"x" * 5000)[:40], "error", "truncated_gzip"),
])
def test_bad_inputs_get_a_reason(tmp_path, settings, name, data, status, reason):
    path = tmp_path / name
    path.write_bytes(data)
    [doc] = read_all([path], settings)
    assert doc.status == status
    assert doc.reason.startswith(reason)


def test_file_over_the_size_limit_is_skipped_without_reading_it(tmp_path, settings):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)
    [doc] = read_all([path], settings)
    assert doc.status == "skipped" and doc.reason.startswith("file_too_large")
    assert "read.max_bytes" in doc.reason  # says what to change


def test_invalid_utf8_is_decoded_not_dropped(tmp_path, settings):
    path = tmp_path / "latin1.txt"
    path.write_bytes(("Café owners in Zürich said the talks were “private”. " * 20).encode("cp1252"))
    [doc] = read_all([path], settings)
    assert doc.ok
    assert "Café" in doc.raw and "Zürich" in doc.raw


def test_mojibake_is_repaired():
    text, _ = decode_bytes("The minister said it was â€œunofficialâ€\x9d talks.".encode("utf-8"))
    assert "“unofficial”" in text


def test_html_is_detected_by_name_and_by_content(tmp_path, settings):
    (tmp_path / "a.html").write_text("<p>hello world</p>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("<!DOCTYPE html><html><body><p>hi</p></body></html>", encoding="utf-8")
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(b"<html><body><p>zipped</p></body></html>"))
    docs = read_all([tmp_path], settings)
    assert [d.fmt for d in docs] == ["html", "html", "html"]
    assert "zipped" in docs[2].raw


def test_file_that_vanishes_mid_run_is_accounted_for(tmp_path, settings):
    first = write_article(tmp_path / "a.txt")
    second = write_article(tmp_path / "b.txt", ARTICLE.replace("Monday", "Tuesday"))
    docs = read_inputs([str(tmp_path)], settings)
    assert next(docs).source == str(first)
    os.remove(second)
    [gone] = list(docs)
    assert gone.status == "error" and gone.reason.startswith("file_vanished")


def test_jsonl_records_bad_lines_and_missing_text(tmp_path, settings):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "a1", "text": ARTICLE, "url": "https://example.com/a", "title": "T", "date": "2020-01-02"}),
             "{not json",
             json.dumps({"id": "a3", "url": "https://example.com/c"}),
             json.dumps({"html": "<html><body><p>" + ARTICLE + "</p></body></html>"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = read_all([path], settings)
    assert [d.source.split("#")[1] for d in docs] == ["a1", "2", "a3", "4"]
    assert [d.status for d in docs] == ["ok", "error", "skipped", "ok"]
    assert docs[0].hints["title"] == "T" and docs[0].url == "https://example.com/a"
    assert docs[1].reason.startswith("invalid_json_line")
    assert docs[2].reason.startswith("no_text_field")
    assert docs[3].fmt == "html"


def _warc(records: list[tuple[str, bytes, str]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, payload, ctype in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return buf.getvalue()


@pytest.mark.parametrize("gz", [True, False])
def test_warc_responses_become_documents(tmp_path, settings, gz):
    page = f"<html><body><article><p>{ARTICLE}</p></article></body></html>".encode()
    data = _warc([("https://example.com/a", page, "text/html; charset=utf-8"),
                  ("https://example.com/logo.png", b"\x89PNG....", "image/png")], gz)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data)
    docs = read_all([path], settings)
    assert [d.status for d in docs] == ["ok", "skipped"]
    assert docs[0].url == "https://example.com/a" and docs[0].fmt == "html"
    assert docs[0].source.startswith(f"{path}#")
    assert docs[1].reason.startswith("not_html")


def test_truncated_gzip_warc_keeps_records_before_the_cut(tmp_path, settings):
    page = f"<html><body><p>{ARTICLE}</p></body></html>".encode()
    data = _warc([(f"https://example.com/{i}", page + str(i).encode() * 3000, "text/html") for i in range(3)], True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: int(len(data) * 0.8)])
    docs = read_all([path], settings)
    assert docs[-1].status == "error" and docs[-1].reason.startswith("truncated_warc")
    assert sum(d.ok for d in docs) >= 1


def test_paths_expand_folders_and_globs_in_stable_order(tmp_path):
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [os.path.relpath(p, tmp_path) for p in expand_paths([str(tmp_path)])] == ["a.txt", "b.txt", "sub/c.txt"]
    assert [os.path.basename(p) for p in expand_paths([str(tmp_path / "*.txt")])] == ["a.txt", "b.txt"]
    with pytest.raises(InputError, match="no input"):
        expand_paths([str(tmp_path / "nothing-*.txt")])


def test_sequence_numbers_follow_input_order(tmp_path, settings):
    for i in range(3):
        write_article(tmp_path / f"{i}.txt", ARTICLE + f" Item {i}.")
    docs = read_all([tmp_path / "2.txt", tmp_path], settings)
    assert [d.seq for d in docs] == [0, 1, 2]
    assert [os.path.basename(d.source) for d in docs] == ["2.txt", "0.txt", "1.txt"]


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("fraction", [0.5, 0.8, 0.97])
def test_warc_cut_anywhere_ends_with_truncated_warc(tmp_path, settings, gz, fraction):
    page = f"<html><body><p>{ARTICLE}</p></body></html>".encode()
    data = _warc([(f"https://example.com/{i}", page + str(i).encode() * 3000, "text/html") for i in range(3)], gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: int(len(data) * fraction)])
    docs = read_all([path], settings)
    assert docs[-1].status == "error" and docs[-1].reason.startswith("truncated_warc")
    assert all(d.ok for d in docs[:-1])
