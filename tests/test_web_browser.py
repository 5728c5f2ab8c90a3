"""The web page in a real browser: headless Chromium (Debian's packages) driven by selenium against
``onrecord serve`` on a free loopback port. Screenshots go to ``artifacts/screenshots/``."""
from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import sys

import pytest

from tests.test_timeline import make_store

pytestmark = pytest.mark.browser
ROOT = pathlib.Path(__file__).resolve().parents[1]
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
CHROMEDRIVER = shutil.which("chromedriver")
if CHROMIUM is None or CHROMEDRIVER is None:
    pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver, or "
                "bash scripts/setup.sh test as root)", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (the dev extra)")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``onrecord serve`` over the hand-built store; yields its address."""
    db = make_store(tmp_path_factory.mktemp("browser") / "browser.db")
    proc = subprocess.Popen([sys.executable, "-m", "onrecord.cli", "serve", str(db), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    line = proc.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:\d+/", line)
    if not match:
        proc.kill()
        pytest.fail(f"onrecord serve did not start: {line!r} {proc.stderr.read()}")
    yield match.group(0).rstrip("/")
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1366,900", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def _wait(driver, condition, timeout: float = 10):
    return WebDriverWait(driver, timeout).until(condition)


def _no_alert(driver) -> bool:
    try:
        driver.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


def test_browser_timeline_filter_search_and_evidence(server, browser):
    # 1. The timeline of the store: days in order, statements and events.
    browser.get(server + "/")
    days = [t.get_attribute("datetime") for t in browser.find_elements(By.CSS_SELECTOR, "section.day h2 time")]
    assert days == sorted(days) and len(days) == 3
    assert len(browser.find_elements(By.CSS_SELECTOR, "article.entry")) == 9
    browser.save_screenshot(str(SHOTS / "timeline-laptop.png"))

    # 2. Filter by a speaker through the form; blank fields stay out of the address.
    field = browser.find_element(By.NAME, "speaker")
    field.send_keys("Kirby")
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    _wait(browser, EC.url_contains("speaker=Kirby"))
    assert "outlet=" not in browser.current_url and "show=" not in browser.current_url
    speakers = {e.text for e in browser.find_elements(By.CSS_SELECTOR, "article.statement .speaker")}
    assert speakers == {"John Kirby"}
    browser.save_screenshot(str(SHOTS / "timeline-speaker-filter.png"))

    # 3. Search a phrase from the header; the matched words are marked.
    box = browser.find_element(By.CSS_SELECTOR, "header form.quick input[name=q]")
    box.send_keys('"treasured sword"')
    box.submit()
    _wait(browser, EC.url_contains("/search?q="))
    marks = [m.text.lower() for m in browser.find_elements(By.CSS_SELECTOR, ".results mark")]
    assert "treasured" in " ".join(marks) and "sword" in " ".join(marks)
    browser.save_screenshot(str(SHOTS / "search-phrase.png"))

    # 4. From a statement on the timeline to its sentence in the article: scrolled to and highlighted.
    browser.get(server + "/?speaker=Kirby&show=statements")
    card = next(a for a in browser.find_elements(By.CSS_SELECTOR, "article.statement")
                if "The onus is on the North" in a.text)
    card.find_element(By.CSS_SELECTOR, "a.evidence").click()
    _wait(browser, EC.url_contains("/articles/"))
    anchor = browser.current_url.split("#", 1)[1]
    assert anchor.startswith("q-")
    current = _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "mark.current")))
    assert current.text == "The onus is on the North to prove that they are ready."
    assert anchor in current.get_attribute("data-ids").split()
    top, height = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.top, window.innerHeight];", current)
    assert 0 <= top < height
    sentence = " ".join(e.text for e in browser.find_elements(By.CSS_SELECTOR, "#body .in-sentence"))
    assert "told reporters at a regular briefing" in sentence and "The onus" in sentence
    label = browser.find_element(By.ID, anchor)
    assert label.text == "John Kirby"
    browser.save_screenshot(str(SHOTS / "article-highlighted-quote.png"))


def test_browser_phone_width_and_hostile_article(server, browser):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        browser.get(server + "/")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        assert browser.find_element(By.CSS_SELECTOR, "details.filterbox").get_attribute("open") is None
        browser.save_screenshot(str(SHOTS / "timeline-phone.png"))

        browser.get(server + "/?speaker=Eve")
        browser.find_element(By.CSS_SELECTOR, "a.evidence").click()
        _wait(browser, EC.url_contains("/articles/"))
        title = browser.find_element(By.TAG_NAME, "h1").text
        assert title.startswith("<script>alert('title')</script>")
        body = browser.find_element(By.ID, "body").text
        assert "<img src=x onerror=\"alert(1)\">" in body and "&amp;" in body
        assert not browser.find_elements(By.CSS_SELECTOR, "#body img, #body script, #body b, #body i")
        assert _no_alert(browser)
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        browser.save_screenshot(str(SHOTS / "article-hostile-phone.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
