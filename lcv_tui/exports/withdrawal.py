"""The bulk withdrawal file (werkinstructie, "Intrekken van aangeleverde signalen").

When a tenant pays in full after being reported, the signal is withdrawn: one by one in the
meldpunt, or in bulk by uploading a file of customer numbers or postcode/house-number pairs
("meldingen intrekken"). The layout is the ``WITHDRAWAL_2021`` profile; the writer is the same
as for upload files, with the same injection-safe cells and 0600 atomic write.

The bulk file is RIS Matching's ("meldingen intrekken", the werkinstructie's only withdrawal
file). A signal delivered at the website Achterstanden aanleveren, or uploaded to VPS (BKR),
whose bulk withdrawal the sources do not describe, has no file here: those are listed for
withdrawal by hand in that meldpunt. Writing the file records nothing; the landlord confirms the withdrawal
afterwards (``actions.record_withdrawal``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass

from lcv_tui.domain.models import Meldpunt, Route, VaultData
from lcv_tui.domain.sharing import may_share
from lcv_tui.exports.files import ExportError, write_private
from lcv_tui.exports.profiles import WITHDRAWAL_2021, Profile
from lcv_tui.exports.upload import WriteResult, render_csv, render_xlsx


@dataclass(frozen=True)
class WithdrawalRecord:
    tenant_id: str
    klantnummer: str
    postcode: str
    huisnummer: str
    toevoeging: str
    gemeente: str
    route: Route
    signal_on: dt.date | None = None
    paid_on: dt.date | None = None
    meldpunt: Meldpunt | None = None
    """The meldpunt of the municipality's agreement (where an uploaded signal went)."""

    @property
    def by_file(self) -> bool:
        """Withdrawn with the bulk file: uploaded, and not to VPS (BKR), whose withdrawal file the
        werkinstructie does not describe (``Intrekken van aangeleverde signalen`` is RIS Matching's)."""
        return self.route == Route.UPLOAD and self.meldpunt != Meldpunt.BKR_VPS

    @property
    def how(self) -> str:
        """Dutch: where and how this signal is withdrawn."""
        if self.route == Route.WEBSITE:
            return "op de website, met de hand"
        if self.meldpunt == Meldpunt.BKR_VPS:
            return "in VPS (BKR), met de hand"
        return "intrekbestand of in RIS Matching"


def select_withdrawals(data: VaultData, on: dt.date) -> list[WithdrawalRecord]:
    """Tenants whose case says a withdrawal is due on ``on``: reported, then paid in full."""
    from lcv_tui.domain.workflow import case_for

    records: list[WithdrawalRecord] = []
    for tenant in data.tenants:
        agreement = data.agreement_for(tenant.gemeente)
        case = case_for(tenant, on, settings=data.settings, agreement=agreement)
        if case is None or not case.withdrawal_due:
            continue
        signal = case.open_signal
        # identify the signal the way it was delivered: the addition only if it was shared
        addition = tenant.addition if may_share("toevoeging", agreement)[0] else ""
        records.append(
            WithdrawalRecord(
                tenant_id=tenant.id,
                klantnummer=tenant.klantnummer,
                postcode=tenant.postcode,
                huisnummer=str(tenant.house_number),
                toevoeging=addition,
                gemeente=tenant.gemeente,
                route=(
                    signal.route
                    if signal is not None and signal.route is not None
                    else Route.UPLOAD
                ),
                signal_on=signal.on if signal is not None else None,
                paid_on=case.paid_on,
                meldpunt=agreement.meldpunt if agreement is not None else None,
            )
        )
    records.sort(key=lambda r: (r.postcode, int(r.huisnummer), r.toevoeging))
    return records


def write_withdrawals(
    records: Iterable[WithdrawalRecord],
    path: str | os.PathLike[str],
    *,
    fmt: str,
    profile: Profile = WITHDRAWAL_2021,
) -> WriteResult:
    """Write the bulk withdrawal file for the ``records`` it can withdraw (``by_file``; 0600, atomic)."""
    records = [r for r in records if r.by_file]
    columns = profile.columns_for(False)
    if fmt == "csv":
        data = render_csv(records, columns, profile.dialect)
    elif fmt == "xlsx":
        data = render_xlsx(records, columns, sheet_title=profile.sheet_title)
    else:
        raise ExportError(f"Onbekend bestandsformaat '{fmt}': kies xlsx of csv.")
    written = write_private(path, data)
    return WriteResult(path=written, rows=len(records), fmt=fmt, profile=profile.key)
