"""The one period picker both statistics screens use."""

from __future__ import annotations

from datetime import date

from app.ui.reports.period import PeriodPicker

TODAY = date(2025, 11, 14)


def test_kinds_steps_and_custom_days(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = PeriodPicker(lambda: TODAY)
    qtbot.addWidget(picker)
    assert picker.period() == (date(2025, 1, 1), date(2025, 12, 31))
    assert not picker.start.isEnabled() and picker.prev_btn.isEnabled()
    changes: list[None] = []
    picker.changed.connect(lambda: changes.append(None))
    picker.kind.setCurrentIndex(picker.kind.findData("month"))  # chosen in the list: the month of today
    assert picker.period() == (date(2025, 11, 1), date(2025, 11, 30)) and len(changes) == 1
    picker.prev_btn.click()
    picker.prev_btn.click()
    assert picker.period() == (date(2025, 9, 1), date(2025, 9, 30)) and len(changes) == 3
    picker.set_period("week")  # today is not in September: the week around the period's start
    assert picker.period() == (date(2025, 9, 1), date(2025, 9, 7)) and len(changes) == 4
    picker.set_period("custom", date(2024, 6, 1), date(2025, 5, 31))
    assert picker.period() == (date(2024, 6, 1), date(2025, 5, 31)) and len(changes) == 5
    assert picker.start.isEnabled() and not picker.next_btn.isEnabled()
    picker.next_btn.click()  # no stepping through a custom period
    assert len(changes) == 5

