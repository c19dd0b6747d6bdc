"""Small helpers shared by the screens: error text, labelled form rows, dates."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QGuiApplication
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QLabel, QMessageBox, QWidget

from app.errors import AthenaError


def error_text(exc: BaseException) -> str:
    """A message fit to show. Only Athena's own errors are shown as they are; anything else may carry
    client data from a database driver, so only its kind is named."""
    if isinstance(exc, AthenaError):
        return str(exc)
    return QCoreApplication.translate("Common", "Something went wrong ({kind}). Nothing more is shown, to "
                                                "protect client data.").format(kind=type(exc).__name__)


_UNPARENTED: set[QMessageBox] = set()  # messages without a window: kept here until she closes them


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A window-modal message that does not run a nested event loop (locking may remove its parent)."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Common", "Athena"), error_text(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    if parent is None:  # nothing else holds it, and a box nobody holds is gone before it is seen
        _UNPARENTED.add(box)
        box.finished.connect(lambda _result: _UNPARENTED.discard(box))
    box.open()


def accessible(widget: QWidget, name: str, description: str = "") -> QWidget:
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def heading(text: str, parent: QWidget | None = None, *, size: float = 1.25) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * size)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def fmt_date(value: date | datetime | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def fit_on_screen(widget: QWidget, width: int, height: int, anchor: QWidget | None = None) -> None:
    """Size ``widget`` to ``width``×``height`` or less, so that it fits the available part of its screen (a
    1366×768 laptop, 1280×720 at 150 %), and place it fully on that screen, centred over ``anchor`` if given."""
    screen = (anchor.screen() if anchor is not None else None) or widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    avail = screen.availableGeometry()
    w = min(width, int(avail.width() * 0.96))
    h = min(height, int(avail.height() * 0.92))
    widget.resize(max(w, widget.minimumWidth()), max(h, widget.minimumHeight()))
    centre = anchor.frameGeometry().center() if anchor is not None and anchor.isVisible() else avail.center()
    x = min(max(centre.x() - w // 2, avail.left()), avail.right() - w)
    y = min(max(centre.y() - h // 2, avail.top()), avail.bottom() - h)
    widget.move(max(x, avail.left()), max(y, avail.top()))


class _SelectsSectionOnFocus:
    """Typed digits go into the date: on focus the section under the cursor (the year at first) is selected,
    so typing "202612030930" fills year, month, day, hour and minute in turn. Without it Qt ignores digits
    typed before a section is selected."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)  # type: ignore[misc]
        edit = self
        assert isinstance(edit, QDateTimeEdit)
        # With the edit as context the call is dropped if the edit is gone by then (a form closed at once).
        QTimer.singleShot(0, edit, lambda: edit.setSelectedSection(edit.currentSection()) if edit.hasFocus()
                          else None)


class TypedDateTimeEdit(_SelectsSectionOnFocus, QDateTimeEdit):
    pass


class TypedDateEdit(_SelectsSectionOnFocus, QDateEdit):
    pass
