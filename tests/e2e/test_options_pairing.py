"""Pairing, as a user does it on the options page (the `paired` fixture does the clicking)."""

from playwright.sync_api import expect


def test_pairing_on_the_options_page_gives_the_extension_a_working_token(paired):
    status, health = paired.companion.call("GET", "/health")
    assert status == 200 and health["paired"] is True
    # The token the extension keeps is the one the companion accepts.
    status, settings = paired.api("GET", "/settings")
    assert status == 200 and "wait_days" in settings


def test_options_page_loads_the_companions_settings_and_saves_changes(paired):
    page = paired.browser.context.new_page()
    page.goto(paired.browser.url("options/options.html"))
    expect(page.get_by_text("Paired with the companion")).to_be_visible()
    wait = page.get_by_label("Days to wait after connecting before asking for anything")
    expect(wait).to_be_enabled()
    expect(wait).to_have_value("3")
    wait.fill("4")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved", exact=True)).to_be_visible()
    assert paired.api("GET", "/settings")[1]["wait_days"] == 4
    wait.fill("3")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved", exact=True)).to_be_visible()
    assert paired.api("GET", "/settings")[1]["wait_days"] == 3
    page.close()


def test_keep_the_text_is_a_checkbox_labelled_beside_it_and_saved_in_the_companion(paired):
    page = paired.browser.context.new_page()
    page.goto(paired.browser.url("options/options.html"))
    keep = page.get_by_label("Keep the text")
    expect(keep).to_be_enabled()
    expect(keep).not_to_be_checked()  # off unless the user turns it on
    # The label sits on the checkbox's line, right of it.
    box, label = keep.bounding_box(), page.locator("label[for=store_text]").bounding_box()
    assert abs((box["y"] + box["height"] / 2) - (label["y"] + label["height"] / 2)) < 4
    assert 0 <= label["x"] - (box["x"] + box["width"]) < 24
    try:
        keep.check()
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("Saved", exact=True)).to_be_visible()
        assert paired.api("GET", "/settings")[1]["store_text"] is True
    finally:
        keep.uncheck()
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("Saved", exact=True)).to_be_visible()
        assert paired.api("GET", "/settings")[1]["store_text"] is False
        page.close()


def test_fields_line_up_in_one_column(paired):
    page = paired.browser.context.new_page()
    page.goto(paired.browser.url("options/options.html"))
    expect(page.get_by_text("Paired", exact=True)).to_be_visible()
    for group in (["Companion port", "Pairing code"],
                  ["Days to wait after connecting before asking for anything", "Days without a reply before a nudge",
                   "Nudges at most"]):
        lefts = {round(page.get_by_label(label, exact=True).bounding_box()["x"]) for label in group}
        assert len(lefts) == 1, (group, lefts)
    page.close()


def test_a_wrong_code_is_refused_with_a_message(browser, paired):
    page = browser.context.new_page()
    page.goto(browser.url("options/options.html"))
    page.get_by_label("Companion port").fill(str(paired.companion.port))
    page.get_by_label("Pairing code").fill("000000")
    page.get_by_role("button", name="Pair", exact=True).click()
    expect(page.get_by_text("That did not work")).to_be_visible()
    expect(page.locator("#pair-status")).to_have_attribute("data-tone", "error")
    # The extension keeps its working token.
    assert browser.storage("token") == paired.token
    page.close()
