"""Reading tenants, payments and bank statements into the vault: what ``lcv-tui import`` and the app's
"Inlezen" and "Bankafschrift inlezen" screens both do once the landlord has seen the plan.

Both record with the actor ``"import"`` (the audit log tells imported rows from typed ones). Planning
(which columns, which rows, which tenant a transaction belongs to) stays with each caller: the CLI
reports it as text, the app shows it in screens. Neither function saves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from lcv_tui.domain.bank import Assignment, BankImportResult, BankPlan
    from lcv_tui.exports.imports import ImportPlan, ImportResult
    from lcv_tui.store.workspace import Workspace

ACTOR = "import"


def apply_import(
    workspace: Workspace, plan: ImportPlan, *, now: dt.datetime, skip_bad: bool = False
) -> ImportResult:
    """Add the planned tenants or payments, all or nothing (``exports.imports.apply_import``).

    Raises ``ImportRefused`` (Dutch) when the plan has errors and ``skip_bad`` is False; nothing
    changes then. When rows were added, the column mapping is remembered for the next file with
    the same columns (``data.import_mappings``) and the workspace is marked dirty.
    """
    from lcv_tui.exports import imports

    result = imports.apply_import(workspace.data, plan, now=now, skip_bad=skip_bad, actor=ACTOR)
    if result.added:
        workspace.data.import_mappings[plan.kind] = plan.mapping.to_dict()
        workspace.mark_dirty()
    return result


def record_bank_import(
    workspace: Workspace,
    plan: BankPlan,
    assignments: Sequence[Assignment] = (),
    *,
    now: dt.datetime,
) -> BankImportResult:
    """Record the matched transactions of a bank statement, and those the landlord assigned by hand
    (``actions.record_bank_import``: one audit entry).

    Raises ``ValueError`` (Dutch) for an assignment that does not fit the plan; nothing changes then.
    Marks the workspace dirty when a payment was recorded or an IBAN remembered.
    """
    from lcv_tui.domain import actions

    result = actions.record_bank_import(workspace.data, plan, assignments, now=now, actor=ACTOR)
    if result.payments or result.ibans_remembered:
        workspace.mark_dirty()
    return result
