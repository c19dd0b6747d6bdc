"""Pieces of the report screen: a report table, a bar chart, and the team meeting's week view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.printing.report_tables import Table, chart_values
from app.services.reports.team_week import TeamWeek, WeekItem

ACCENT = QColor("#3b5b7a")


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def table_widget(t: Table, parent: QWidget | None = None) -> QTableWidget:
    w = QTableWidget(len(t.rows), len(t.headers), parent)
    w.setObjectName(f"table_{t.key}")
    w.setHorizontalHeaderLabels(t.headers)
    w.verticalHeader().setVisible(False)
    w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    w.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    w.setAlternatingRowColors(True)
    for r, row in enumerate(t.rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(_fmt(value))
            if c > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if t.has_total and r == len(t.rows) - 1:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            w.setItem(r, c, item)
    header = w.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for c in range(1, len(t.headers)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    height = w.horizontalHeader().sizeHint().height() + sum(w.rowHeight(r) for r in range(len(t.rows))) + 4
    w.setFixedHeight(height)
    return w


def chart_widget(t: Table, parent: QWidget | None = None) -> QChartView:
    pairs = list(reversed(chart_values(t)))  # Qt draws the first category at the bottom
    bars = QBarSet("")
    bars.setColor(ACCENT)
    bars.setLabelColor(QColor("#222222"))
    for _, value, _ in pairs:
        bars.append(value)
    series = QHorizontalBarSeries()
    series.append(bars)
    # A suppressed count is an empty bar; a "0" label beside it would mislead, so labels are then left out.
    series.setLabelsVisible(all(shown.replace(",", "").isdigit() or shown == "0" for _, _, shown in pairs))
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart = QChart()
    chart.addSeries(series)
    chart.legend().hide()
    chart.setMargins(QMargins(0, 0, 0, 0))
    chart.setBackgroundVisible(False)
    categories = QBarCategoryAxis()
    categories.append([label[:34] for label, _, _ in pairs])
    categories.setTruncateLabels(False)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    values = QValueAxis()
    top = max((v for _, v, _ in pairs), default=0.0)
    values.setRange(0, max(top * 1.15, 5))
    values.setLabelFormat("%d")
    values.applyNiceNumbers()
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(values)
    view = QChartView(chart, parent)
    view.setObjectName(f"chart_{t.key}")
    name = QCoreApplication.translate("ReportScreen", "Chart: {title}").replace("{title}", t.title)
    for w in (view, view.viewport()):  # both take focus; the table beside it holds the same figures
        w.setAccessibleName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(40 + 28 * len(pairs))
    view.setMaximumHeight(60 + 34 * len(pairs))
    return view


def section(t: Table, parent: QWidget | None = None) -> QWidget:
    """A table's title, the table, its notes and (when it has one) its bar chart beside it."""
    box = QWidget(parent)
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 6, 0, 10)
    title = QLabel(t.title, box)
    font = title.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    title.setFont(font)
    lay.addWidget(title)
    row = QHBoxLayout()
    row.addWidget(table_widget(t, box), 3)
    if t.chart:
        row.addWidget(chart_widget(t, box), 4)
    elif len(t.headers) <= 2:  # a label and a figure: keep the figure near its label
        row.addStretch(4)
    lay.addLayout(row)
    for note in t.notes:
        n = QLabel(note, box)
        n.setWordWrap(True)
        n.setStyleSheet("color: #555;")
        lay.addWidget(n)
    return box


class WeekView(QWidget):
    """Current, incoming, ending within 14 days and court dates this week, for the team meeting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        lay.addWidget(self.heading)
        tiles = QGridLayout()
        self.figures: dict[str, QLabel] = {}
        for i, (key, text) in enumerate((("current", self.tr("Current")), ("incoming", self.tr("Incoming")),
                                         ("referred", self.tr("Referred this week")),
                                         ("ending", self.tr("Ending within 14 days")),
                                         ("court", self.tr("Court dates this week")))):
            tile = QFrame(self)
            tile.setFrameShape(QFrame.Shape.StyledPanel)
            tl = QVBoxLayout(tile)
            number = QLabel("–", tile)
            big = QFont(number.font())
            big.setPointSizeF(big.pointSizeF() * 2.2)
            big.setBold(True)
            number.setFont(big)
            number.setObjectName(f"figure_{key}")
            tl.addWidget(number)
            tl.addWidget(QLabel(text, tile))
            tiles.addWidget(tile, 0, i)
            self.figures[key] = number
        lay.addLayout(tiles)
        lay.addWidget(QLabel(self.tr("Decisions ending within 14 days"), self))
        self.ending = self._list([self.tr("Ends on"), self.tr("Case"), self.tr("Client")])
        self.ending.setAccessibleName(self.tr("Decisions ending within 14 days"))
        lay.addWidget(self.ending, 3)
        lay.addWidget(QLabel(self.tr("Court dates this week"), self))
        self.court = self._list([self.tr("Date"), self.tr("Court"), self.tr("Client")])
        self.court.setAccessibleName(self.tr("Court dates this week"))
        lay.addWidget(self.court, 2)

    def _list(self, headers: list[str]) -> QTableWidget:
        w = QTableWidget(0, len(headers), self)
        w.setHorizontalHeaderLabels(headers)
        w.verticalHeader().setVisible(False)
        w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        w.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        w.setMinimumHeight(120)
        return w

    def _fill(self, w: QTableWidget, items: list[WeekItem], middle: str) -> None:
        w.setRowCount(len(items))
        for r, item in enumerate(items):
            name = item.client_name or self.tr("Protected identity")
            for c, value in enumerate((item.on.isoformat(), getattr(item, middle), name)):
                cell = QTableWidgetItem(value)
                if item.is_protected and c == 2:
                    cell.setForeground(QColor("#8a4b00"))
                w.setItem(r, c, cell)
        w.resizeColumnsToContents()
        w.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def show_week(self, week: TeamWeek) -> None:
        self.heading.setText(self.tr("Week {start} – {end}").replace("{start}", week.week_start.isoformat())
                             .replace("{end}", week.week_end.isoformat()))
        for key, n in (("current", week.current), ("incoming", week.incoming),
                       ("referred", week.referred_this_week), ("ending", len(week.ending_soon)),
                       ("court", len(week.court_dates))):
            self.figures[key].setText(str(n))
        self._fill(self.ending, week.ending_soon, "case_number")
        self._fill(self.court, week.court_dates, "detail")
