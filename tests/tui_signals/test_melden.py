"""Pilot tests for Melden: the month's signals and who is left out, the upload file and its confirmation,
the entry card, withdrawals, the file check and imports. Asserted on state, files and what the screen says."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from lcv_testing import messages, record_notices
from signals_helpers import PASSPHRASE, SIZE, TODAY, open_melden, settle, tenant_id

from lcv_tui.domain import actions
from lcv_tui.domain.models import Channel, EventKind, Route
from lcv_tui.domain.stage import Stage
from lcv_tui.domain.workflow import case_for
from lcv_tui.exports.profiles import RIS_2021
from lcv_tui.store.vault import Vault
from lcv_tui.tui.screens.check_file import OK_TEXT, CheckFileScreen
from lcv_tui.tui.screens.dialogs import ConfirmScreen, DateQuestionScreen
from lcv_tui.tui.screens.entry_card import CopyField, EntryCardScreen
from lcv_tui.tui.screens.imports import ImportMappingScreen, ImportPreviewScreen, ImportScreen
from lcv_tui.tui.screens.signals import SaveFileDialog, SignalsScreen
from lcv_tui.tui.screens.withdrawals import WithdrawalsScreen
from lcv_tui.tui.sections import section


def stage(app, surname: str) -> Stage:
    data = app.workspace.data
    tenant = data.tenant(tenant_id(data, surname))
    case = case_for(
        tenant, TODAY, settings=data.settings, agreement=data.agreement_for(tenant.gemeente)
    )
    return case.stage if case is not None else Stage.BETAALD


def signals(app, surname: str) -> list:
    data = app.workspace.data
    return [
        e
        for e in data.tenant(tenant_id(data, surname)).events
        if e.kind == EventKind.SIGNAAL and e.on == TODAY
    ]


def text(widget) -> str:
    return str(widget.render())


async def test_lists_the_signal_and_who_is_left_out_with_the_article(signals_app, demo_vault):
    app = signals_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_melden(pilot)
        screen = app.screen
        assert isinstance(screen, SignalsScreen)
        assert [r.cells[0] for r in screen.ready.shown] == ["IJzerman, K.", "Visser, T."]
        assert screen.ready.shown[0].cells[-1].startswith("uploadbestand")
        assert (
            screen.ready.shown[1].cells[-1] == "website (invoerkaart)"
        )  # Nieuwegein: small-landlord website
        why = {r.cells[0]: r.cells[2] for r in screen.left_out.shown}
        assert why["Bakker-Smit, J."] == "bezwaar (LCV 2.2)"
        assert "pas 10 dagen (LCV 3.1 d)" in why["'t Hart, M."]
        assert "persoonlijk contact ontbreekt (LCV 2.1 b)" in why["El Amrani, Y."]
        assert why["Bos, Z."] == "geen overeenkomst (werkinstructie stap 1)"
        assert "van der Berg, P.J." not in why  # paid: not a candidate at all

        # The highlighted tenant's reasons in full: what is wrong, what to do, the article.
        screen.left_out.move_cursor_to(tenant_id(app.workspace.data, "Bakker-Smit"))
        await pilot.pause()
        assert "Neem deze huurder niet op in een signaal" in text(screen.query_one("#why"))

        # Per gemeente.
        screen.query_one("#gemeente").value = "Amersfoort"
        await settle(pilot)
        assert screen.ready.shown == []
        assert {r.cells[1] for r in screen.left_out.shown} == {"Amersfoort"}
        screen.query_one("#gemeente").value = ""
        await settle(pilot)
        assert len(screen.ready.shown) == 2

        # The entry card of a gemeente with an upload file shows the fields but records no website signal.
        screen.ready.focus()
        await pilot.press("enter")
        await pilot.pause()
        card = app.screen
        assert isinstance(card, EntryCardScreen)
        assert not card.can_record and card.query_one("#reported").disabled
        assert "meld via het uploadbestand" in text(card.query_one("#card-notice"))
        await pilot.press("m")
        await pilot.pause()
        assert signals(app, "IJzerman") == []
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_upload_file_changes_nothing_until_the_upload_is_confirmed(
    signals_app, demo_vault, locations, tmp_path
):
    from openpyxl import load_workbook

    app = signals_app()
    notices = record_notices(app)
    target = tmp_path / "uit" / "signalen.xlsx"
    async with app.run_test(size=SIZE) as pilot:
        await open_melden(pilot)
        screen = app.screen
        audit_before = len(app.workspace.data.audit)

        await pilot.press("u")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SaveFileDialog)
        assert dialog.query_one("#path").value == str(
            locations.export_dir / "signalen-ris-matching-2026-11-23.xlsx"
        )
        dialog.query_one("#path").value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert f"Bestand opgeslagen in {target}" in messages(notices)

        rows = [[c.value for c in row] for row in load_workbook(target).active.iter_rows()]
        assert rows[0] == list(RIS_2021.labels())
        assert rows[1][0] == "IJzerman" and rows[1][3] == "389" and rows[1][5] == "3551 CX"
        assert rows[1][9] == 2 and Decimal(str(rows[1][10])) == Decimal("2250.00")
        assert len(rows) == 2

        # Made, not confirmed: nothing recorded, nothing to save, and the vault on disk is untouched.
        assert signals(app, "IJzerman") == []
        assert len(app.workspace.data.audit) == audit_before
        assert not app.workspace.dirty
        assert stage(app, "IJzerman") == Stage.KLAAR
        assert app.unsaved_reasons()  # quitting now would ask first

        # "Not yet" changes nothing either.
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, DateQuestionScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert signals(app, "IJzerman") == [] and len(app.workspace.data.audit) == audit_before

        # The dialog asks the upload date (default today) and refuses a day in the future.
        await pilot.press("g")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DateQuestionScreen)
        assert dialog.query_one("#date-value").value == "23-11-2026"
        dialog.query_one("#date-value").value = "24-11-2026"
        await pilot.click("#yes")
        await pilot.pause()
        assert app.screen is dialog and "na vandaag" in str(dialog.query_one("#date-error").content)
        dialog.query_one("#date-value").value = "23-11-2026"
        dialog.query_one("#date-value").focus()
        await pilot.press("enter")  # Enter in the date field moves to the button
        await pilot.pause(0.3)  # a button ignores a second press during its 0.2 s press effect
        assert dialog.focused.id == "yes"
        await pilot.press("enter")
        await settle(pilot)
        recorded = signals(app, "IJzerman")
        assert [(e.route, e.months, e.amount) for e in recorded] == [
            (Route.UPLOAD, 2, Decimal("2250.00"))
        ]
        assert stage(app, "IJzerman") == Stage.GEMELD
        assert len(app.workspace.data.audit) == audit_before + 1
        assert not app.workspace.dirty
        assert "Signalen vastgelegd" in messages(notices)
        assert screen.pending is None and not app.unsaved_reasons()
        assert [r.cells[0] for r in screen.ready.shown] == [
            "Visser, T."
        ]  # website route: not in the file
        left = {r.cells[0]: r.cells[2] for r in screen.left_out.shown}
        assert left["IJzerman, K."] == "deze maand al gemeld (LCV 3.2, 3.4)"

    _, saved = Vault.open(locations, PASSPHRASE)
    ijzerman = saved.tenant(tenant_id(saved, "IJzerman"))
    assert [e.route for e in ijzerman.events if e.kind == EventKind.SIGNAAL] == [Route.UPLOAD]


async def test_a_refused_signal_is_explained_in_dutch_and_not_recorded(
    signals_app, demo_vault, tmp_path
):
    app = signals_app()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_melden(pilot)
        screen = app.screen
        await pilot.press("u")
        await pilot.pause()
        app.screen.query_one("#path").value = str(tmp_path / "signalen.csv")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.pending is not None

        # Between making the file and confirming, the tenant objects (LCV 2.2).
        data = app.workspace.data
        actions.record_objection(
            data,
            tenant_id(data, "IJzerman"),
            TODAY,
            Channel.EMAIL,
            now=dt.datetime(2026, 11, 23, 12),
            actor="test",
        )
        audit_before = len(data.audit)
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("enter")  # the focused "Ja, geüpload" with today's date
        await settle(pilot)
        assert signals(app, "IJzerman") == []
        assert len(data.audit) == audit_before
        refusal = next(m for m in messages(notices) if m.startswith("Niet vastgelegd"))
        assert (
            "K. IJzerman" in refusal
            and "(LCV 2.2)" in refusal
            and "trek die melding dan in" in refusal
        )


async def test_entry_card_copies_a_field_and_records_the_website_signal(signals_app, website_vault):
    app = signals_app()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_melden(pilot)
        screen = app.screen
        assert screen.ready.shown[0].cells[-1] == "website (invoerkaart)"
        await pilot.press("k")
        await pilot.pause()
        card = app.screen
        assert isinstance(card, EntryCardScreen)
        labels = [label for label, _ in card.fields]
        assert labels == [
            "Achternaam",
            "Voorletters",
            "Huisnummer",
            "Postcode",
            "Telefoonnummer",
            "E-Mailadres",
            "Aantal maanden achterstand",
            "Bedrag achterstand",
        ]
        assert [label for label, _ in card.not_shared] == [
            "Straatnaam",
            "Huisnummer toevoeging",
            "Woonplaats",
        ]

        await pilot.press(str(labels.index("Postcode") + 1))
        assert app.clipboard == "3551 CX"
        assert "Gekopieerd: Postcode" in messages(notices)
        await pilot.click(CopyField, offset=(3, 1))  # the first field: Achternaam
        assert app.clipboard == "IJzerman"
        await pilot.press(str(labels.index("Bedrag achterstand") + 1))
        assert app.clipboard == "2250,00"
        assert signals(app, "IJzerman") == []

        await pilot.press("m")
        await settle(pilot)
        assert app.screen is screen
        assert [e.route for e in signals(app, "IJzerman")] == [Route.WEBSITE]
        assert stage(app, "IJzerman") == Stage.GEMELD
        assert not app.workspace.dirty
        assert [r.cells[0] for r in screen.ready.shown] == ["Visser, T."]


async def test_withdrawal_one_by_one(signals_app, demo_vault):
    app = signals_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_melden(pilot)
        await pilot.press("i")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WithdrawalsScreen)
        assert [r.cells[0] for r in screen.table.shown] == ["ten Brink, L."]
        assert stage(app, "ten Brink") == Stage.INTREKKEN
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await settle(pilot)
        data = app.workspace.data
        withdrawn = [
            e
            for e in data.tenant(tenant_id(data, "ten Brink")).events
            if e.kind == EventKind.SIGNAAL_INGETROKKEN
        ]
        assert [e.on for e in withdrawn] == [TODAY]
        assert screen.table.shown == []
        assert not app.workspace.dirty


async def test_withdrawal_file_then_confirm(signals_app, demo_vault, tmp_path):
    from openpyxl import load_workbook

    app = signals_app()
    target = tmp_path / "intrekken.xlsx"
    async with app.run_test(size=SIZE) as pilot:
        await open_melden(pilot)
        await pilot.press("i")
        await settle(pilot)
        screen = app.screen
        await pilot.press("b")
        await pilot.pause()
        app.screen.query_one("#path").value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        rows = [[c.value for c in row] for row in load_workbook(target).active.iter_rows()]
        assert rows == [
            ["Klantnummer", "Postcode", "Huisnummer", "Huisnummer toevoeging"],
            ["H-1011", "3512 PG", "28", None],
        ]
        assert stage(app, "ten Brink") == Stage.INTREKKEN  # the file alone records nothing
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("j")
        await settle(pilot)
        assert stage(app, "ten Brink") == Stage.BETAALD
        assert screen.pending is None and screen.table.shown == []


async def test_check_file_reports_problems_and_passes_a_good_file(
    signals_app, demo_vault, tmp_path
):
    from lcv_tui.domain.demo import build_demo
    from lcv_tui.domain.sharing import select_signals
    from lcv_tui.exports.upload import write_upload

    good = tmp_path / "goed.xlsx"
    write_upload(select_signals(build_demo(TODAY), TODAY).upload_records, good, fmt="xlsx")
    broken = tmp_path / "kapot.csv"
    header = ";".join(RIS_2021.labels())
    broken.write_text(
        f"{header}\r\nJansen;J.;;12;;1234;;;;2;850,00\r\nde Vries;;;7;;3511 AB;;;;twee;\r\n",
        encoding="utf-8-sig",
    )

    app = signals_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_melden(pilot)
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckFileScreen)

        screen.query_one("#check-path").value = str(broken)
        await pilot.press("enter")
        await settle(pilot)
        assert not screen.report.ok
        problems = {
            (r.cells[1], r.cells[2])
            for r in screen.query_one("#problems").shown
            if r.cells[0] == "Fout"
        }
        assert ("2", "Postcode") in problems
        assert ("3", "Aantal maanden achterstand") in problems and (
            "3",
            "Bedrag achterstand",
        ) in problems
        assert OK_TEXT not in text(screen.query_one("#check-result"))

        screen.query_one("#check-path").value = str(good)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.report.ok
        assert OK_TEXT in text(screen.query_one("#check-result"))

        screen.query_one("#check-path").value = str(tmp_path / "bestaat-niet.xlsx")
        await pilot.press("enter")
        await settle(pilot)
        assert "bestaat niet" in text(screen.query_one("#check-result"))


TENANTS_CSV = (
    "Klantnummer;Achternaam;Voorletters;Straat;Huisnummer;Postcode;Woonplaats;Gemeente;Huur;Ingangsdatum\r\n"
    "N-1;Peeters;A.;Vinkenstraat;4;3514 AA;Utrecht;Utrecht;800,00;01-01-2026\r\n"
    "N-2;Hendriks;B.;Vinkenstraat;6;3514 ZZZ;Utrecht;Utrecht;810,00;01-01-2026\r\n"
    "N-3;Claes;C.;Vinkenstraat;8;3514 AA;Utrecht;Utrecht;820,00;01-01-2026\r\n"
)


async def test_import_with_a_broken_row_imports_nothing_until_skip_is_chosen(
    signals_app, demo_vault, tmp_path, locations
):
    source = tmp_path / "huurders.csv"
    source.write_text(TENANTS_CSV, encoding="utf-8")
    app = signals_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_melden(pilot)
        data = app.workspace.data
        count_before = len(data.tenants)
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ImportScreen)

        # A file no reader understands: a Dutch message, no traceback, nothing changes.
        garbled = tmp_path / "onleesbaar.csv"
        garbled.write_bytes(b"Achternaam;Postcode\r\n\x81\x8d;\x90\r\n")
        screen.query_one("#import-path").value = str(garbled)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert "geen leesbare tekst" in text(screen.query_one("#import-status"))

        screen.query_one("#import-path").value = str(source)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ImportMappingScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)

        # Cancelled at the preview: nothing changes, and no mapping is remembered.
        assert isinstance(app.screen, ImportPreviewScreen)
        audit_before = len(data.audit)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert (len(data.tenants), len(data.audit), data.import_mappings) == (
            count_before,
            audit_before,
            {},
        )
        assert not app.workspace.dirty

        screen.query_one("#import-path").focus()  # back on the path field, Enter reads again
        await pilot.press("enter")
        await settle(pilot)
        mapping = app.screen
        assert isinstance(mapping, ImportMappingScreen)
        assert mapping.query_one("#map-surname").value == "Achternaam"
        assert mapping.query_one("#map-tenancy_start").value == "Ingangsdatum"
        await pilot.press("ctrl+s")
        await settle(pilot)

        preview = app.screen
        assert isinstance(preview, ImportPreviewScreen)
        assert [r.cells[1] for r in preview.query_one("#preview-rows").shown] == [
            "Peeters, A.",
            "Claes, C.",
        ]
        errors = [
            r.cells for r in preview.query_one("#preview-issues").shown if r.cells[1] == "Fout"
        ]
        assert errors and errors[0][0] == "3" and errors[0][2] == "Postcode"
        assert preview.query_one("#import-all").disabled
        assert not preview.query_one("#import-skip").disabled

        await pilot.press("a")  # refused: there are errors
        await pilot.pause()
        assert app.screen is preview
        assert len(data.tenants) == count_before

        await pilot.press("s")
        await settle(pilot)
        assert app.screen is screen
        added = [t.surname for t in data.tenants[count_before:]]
        assert added == ["Peeters", "Claes"]
        assert data.import_mappings["tenants"]["surname"] == "Achternaam"
        assert not app.workspace.dirty
        assert "2 huurders ingelezen" in text(screen.query_one("#import-status"))

    _, saved = Vault.open(locations, PASSPHRASE)
    assert len(saved.tenants) == count_before + 2


async def test_fits_80_by_24_and_the_command_palette_opens_the_check(signals_app, demo_vault):
    app = signals_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_melden(pilot)
        screen = app.screen
        for selector in ("#ready", "#left-out", "#make-upload", "#gemeente"):
            region = screen.query_one(selector).region
            assert region.height >= 1 and region.right <= 80 and region.bottom <= 23, selector

        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {
            "Melden",
            "Uploadbestand maken",
            "Intrekken",
            "Bestand controleren",
            "Inlezen",
        } <= set(titles)
        await pilot.press(section("huurders").key)
        await settle(pilot)
        command = next(
            c for c in app.get_system_commands(app.screen) if c.title == "Bestand controleren"
        )
        command.callback()
        await settle(pilot)
        assert isinstance(app.screen, CheckFileScreen)


async def test_every_melden_button_fits_80_columns_and_inlezen_opens_the_import(
    signals_app, demo_vault, tmp_path
):
    """The walk at 80×24 found Inlezen only in F1 and Ctrl+P: it is a button now, and with an
    upload file pending (five buttons) every button still lies whole inside 80 columns."""
    app = signals_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_melden(pilot)
        screen = app.screen
        await pilot.press("u")
        await pilot.pause()
        app.screen.query_one("#path").value = str(tmp_path / "signalen.xlsx")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        buttons = list(screen.query("#melden-buttons Button"))
        assert [b.id for b in buttons if b.display] == [
            "make-upload",
            "confirm-upload",
            "entry-card",
            "imports",
            "open-folder",
        ]
        for button in buttons:
            assert button.region.width > 0 and button.region.right <= 80, button.id
        await pilot.click("#imports")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
