"""Pilot tests for Bankafschrift inlezen: every button, the preview, assigning, and recording."""

from __future__ import annotations

from decimal import Decimal

from signals_helpers import SIZE, TODAY, open_melden, settle  # noqa: F401

from lcv_tui.exports.bank import demo_statements
from lcv_tui.paths import clean_path
from lcv_tui.tui.screens.bank_import import BankImportScreen
from lcv_tui.tui.screens.imports import ImportScreen


def text(widget) -> str:
    return str(widget.render())


def by_number(app, number):
    return next(t for t in app.workspace.data.tenants if t.klantnummer == number)


def test_clean_path():
    assert clean_path("  '/tmp/afschrift november.xml'  ") == "/tmp/afschrift november.xml"
    assert clean_path('"/tmp/a.xml"') == "/tmp/a.xml"
    assert clean_path("/tmp/afschrift\\ november.xml") == "/tmp/afschrift november.xml"
    assert clean_path("  ") == ""


async def open_bank(pilot) -> BankImportScreen:
    """From Melden: Inlezen, then its Bankafschrift button."""
    await open_melden(pilot)
    await pilot.press("l")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ImportScreen)
    await pilot.click("#import-bank")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, BankImportScreen)
    return screen


async def test_read_assign_and_record(signals_app, demo_vault, tmp_path):
    app = signals_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bank(pilot)
        data = app.workspace.data
        audit_before = len(data.audit)

        # Nothing typed; then a file that is no statement: a Dutch message, nothing changes.
        await pilot.click("#bank-read")
        await pilot.pause()
        assert "Typ eerst het pad" in text(screen.query_one("#bank-status"))
        junk = tmp_path / "rommel.xml"
        junk.write_bytes(b"\x00\x01\x02 geen afschrift")
        screen.query_one("#bank-path").value = f"  '{junk}' "
        screen.query_one("#bank-path").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "geen bankafschrift" in text(screen.query_one("#bank-status"))
        assert screen.query_one("#bank-record").disabled

        # The demo statement, quoted as a terminal pastes a dropped file.
        screen.query_one("#bank-path").value = f'"{demo_statements()[0]}"'
        await pilot.click("#bank-read")
        await settle(pilot)
        status = text(screen.query_one("#bank-status"))
        assert "CAMT.053: 7 transactie(s). 4 gekoppeld, 1 voorstel(len), 1 niet gekoppeld" in status
        assert not screen.query_one("#bank-progress").display
        preview = " ".join(text(w) for w in screen.query(".bank-line"))
        assert (
            "H-1003" in preview and "J. Bakker" in preview and "Stichting Voorbeeldfonds" in preview
        )
        assert set(screen.choices) == {0, 1}
        assert len(data.audit) == audit_before  # nothing recorded yet

        # Confirm the suggestion for Bakker-Smit and remember the IBAN; leave the other alone.
        bakker = by_number(app, "H-1007")
        screen.query_one("#bank-choice-0").value = bakker.id
        assert screen.query_one("#bank-remember-0").value is True
        await pilot.click("#bank-remember-1")  # untick, then tick again: the checkbox is clickable
        await pilot.click("#bank-remember-1")
        await pilot.click("#bank-record")
        await settle(pilot)
        assert (
            "Vastgelegd: 5 betaling(en), waarvan 1 storno('s); IBAN onthouden bij 1 huurder(s)."
            in text(screen.query_one("#bank-status"))
        )
        assert bakker.payments[-1].amount == Decimal("815.00") and bakker.ibans == [
            "NL84DEMO0100007007"
        ]
        assert by_number(app, "H-1004").payments[-1].amount == Decimal("-865.50")
        assert len(data.audit) == audit_before + 1 and not app.workspace.dirty
        assert screen.query_one("#bank-record").disabled

        # Reading it again: everything matched before is "al eerder ingelezen".
        screen.query_one("#bank-path").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "5 al eerder ingelezen" in text(screen.query_one("#bank-status"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Niets nieuws" in text(screen.query_one("#bank-status"))
        assert len(data.audit) == audit_before + 1

        await pilot.click("#bank-back")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)


async def test_palette_command_and_demo_button(locations, clock, demo_vault, monkeypatch):
    from lcv_testing import PASSPHRASE, MemoryKeyring

    from lcv_tui.exports import bank
    from lcv_tui.tui.app import make_app
    from lcv_tui.tui.screens.bank_import import ReadProgress

    monkeypatch.setattr(bank, "_CHUNK", 1024)  # a "large" file: the progress bar moves
    progress: list[tuple[int, int]] = []

    def hook(message):
        if isinstance(message, ReadProgress):
            progress.append((message.done, message.total))

    app = make_app(
        locations,
        clock,
        keyring_backend=MemoryKeyring(),
        passphrase=PASSPHRASE,
        animation_level="none",
        demo=True,
    )
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Bankafschrift inlezen" in titles
        app.action_bank_import()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BankImportScreen)
        await pilot.click("#bank-demo")
        await settle(pilot)
        assert "4 gekoppeld" in text(screen.query_one("#bank-status"))
        size = demo_statements()[0].stat().st_size
        assert len(progress) == -(-size // 1024) and progress[-1] == (size, size)
        assert screen.query_one("#bank-progress").progress == size
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, BankImportScreen)
        assert not app.workspace.dirty


async def test_a_years_statement_asks_once_per_payer(signals_app, demo_vault, tmp_path):
    """Eleven months of rent from a payer the vault does not know yet: one choice, Ctrl+K takes
    the suggestion, Ctrl+S records all eleven and remembers the IBAN; the footer stays whole."""
    iban = "NL02ABNA0123456789"
    header = (
        '"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";'
        '"Bedrag (EUR)";"Mutatiesoort";"Mededelingen";"Saldo na mutatie";"Tag"'
    )
    rows = [
        f'"2026{month:02d}02";"J. Bakker";"NL91ABNA0417164300";"{iban}";"OV";"Bij";"815,00";'
        f'"Overschrijving";"Naam: J. Bakker Omschrijving: Huur";"0,00";""'
        for month in range(1, 12)
    ]
    statement = tmp_path / "ing-2026.csv"
    statement.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    app = signals_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_bank(pilot)
        bakker = by_number(app, "H-1007")
        paid_before = len(bakker.payments)
        screen.query_one("#bank-path").value = str(statement)
        await pilot.click("#bank-read")
        await settle(pilot)
        assert "11 voorstel(len)" in text(screen.query_one("#bank-status"))
        assert not screen.query_one(".screen-intro").display  # the preview gets the room
        assert list(screen.choices) == [0] and len(screen.choices[0].lines) == 11
        assert "J. Bakker: 11 transacties, samen € 8.965,00" in " ".join(
            text(w) for w in screen.query(".bank-line")
        )
        footer = [key.description for key in screen.query("FooterKey")]
        assert {"Vastleggen", "Voorstellen", "Help", "Afsluiten"} <= set(footer)
        palette = screen.query_one("FooterKey.-command-palette").region
        for key in screen.query("FooterKey"):
            if key.region != palette:
                assert key.region.right <= palette.x, f"{key.description} under the palette's key"

        await pilot.press("ctrl+k")
        await pilot.pause()
        assert screen.query_one("#bank-choice-0").value == bakker.id
        assert "1 voorstel(len) gekozen" in text(screen.query_one("#bank-status"))
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert "geen voorstel meer" in text(screen.query_one("#bank-status"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        status = text(screen.query_one("#bank-status"))
        assert "Vastgelegd: 11 betaling(en); IBAN onthouden bij 1 huurder(s)." in status
        assert "onder Vandaag (F2)" in status  # where to go next
        assert len(bakker.payments) == paid_before + 11 and iban in bakker.ibans
