"""Risk over time: incidents per month as stacked bars (by severity) and assessment results as lines.

Results of different instruments are compared on one scale — low, medium, high — because a summed score of
one checklist means nothing next to another's; the score itself is in the point's tooltip and the list.
The client's own estimate is drawn beside each result, since the gap between them matters.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import QDate, QLocale, QPointF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.services.risk.timeline import TimeSeries

SEVERITY_COLOURS = ("#f6d365", "#f59e0b", "#dc2626", "#7f1d1d")
LINE_COLOURS = ("#1d4ed8", "#7c3aed", "#0f766e", "#be185d")


def month_position(day: date, first_month: date) -> float:
    """Where a day falls on the month axis: category i spans i-0.5 .. i+0.5."""
    months = (day.year - first_month.year) * 12 + day.month - first_month.month
    days = calendar.monthrange(day.year, day.month)[1]
    return months - 0.5 + (day.day - 0.5) / days


class RiskChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(self.chart.margins())
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(300)
        # The chart view and its viewport both take focus; the caption below says in words what it shows.
        for w in (self.view, self.view.viewport()):
            w.setAccessibleName(self.tr("Incidents per month and risk assessments"))
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption)
        self._data: dict[str, Any] = {"months": [], "counts": [], "results": {}}

    def data(self) -> dict[str, Any]:
        """What is drawn, as plain values (months, incident counts, result points per instrument)."""
        return self._data

    def clear(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.chart.setTitle("")
        self.caption.clear()
        self._data = {"months": [], "counts": [], "results": {}}

    def show_series(self, ts: TimeSeries, names: Mapping[str, str], locale: QLocale | None = None) -> None:
        self.clear()
        if not ts.months:
            return
        loc = locale or QLocale()
        first = ts.months[0].month
        labels = [loc.toString(QDate(m.month.year, m.month.month, 1), "MMM yy") for m in ts.months]
        self.chart.setTitle(self.tr("Incidents per month and risk assessments"))

        bars = QStackedBarSeries()
        sev_names = (self.tr("Minor"), self.tr("Serious"), self.tr("Severe"), self.tr("Life-threatening"))
        for sev in range(4):
            bar_set = QBarSet(sev_names[sev])
            bar_set.setColor(QColor(SEVERITY_COLOURS[sev]))
            bar_set.setBorderColor(QColor(SEVERITY_COLOURS[sev]))
            bar_set.append([float(m.by_severity[sev]) for m in ts.months])
            bars.append(bar_set)
        self.chart.addSeries(bars)

        x_axis = QBarCategoryAxis()
        x_axis.append(labels)
        x_axis.setTruncateLabels(False)  # "mars 26" is longer than the other months and was cut to "mars …"
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(x_axis)
        y_axis = QValueAxis()
        top = max((m.count for m in ts.months), default=0)
        y_axis.setRange(0, max(4, top + 1))
        y_axis.setTickCount(min(max(4, top + 1), 10) + 1)
        y_axis.setLabelFormat("%d")
        y_axis.setTitleText(self.tr("Days with violence"))
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(y_axis)

        level_axis = QCategoryAxis()
        level_axis.setStartValue(0.5)
        for name, end in ((self.tr("Low"), 1.5), (self.tr("Medium"), 2.5), (self.tr("High"), 3.5)):
            level_axis.append(name, end)
        level_axis.setRange(0.5, 3.5)
        level_axis.setGridLineVisible(False)
        level_axis.setTitleText(self.tr("Assessed risk"))
        self.chart.addAxis(level_axis, Qt.AlignmentFlag.AlignRight)

        results: dict[str, list[tuple[str, int, int | None]]] = {}
        by_instrument: dict[str, list[Any]] = {}
        for p in ts.results:
            by_instrument.setdefault(p.instrument_id, []).append(p)
        for n, (inst_id, points) in enumerate(sorted(by_instrument.items())):
            line = QLineSeries()
            line.setName(names.get(inst_id, inst_id))
            line.setPointsVisible(True)
            pen = line.pen()
            pen.setColor(QColor(LINE_COLOURS[n % len(LINE_COLOURS)]))
            pen.setWidth(3)
            line.setPen(pen)
            for p in points:
                if p.rank:
                    line.append(QPointF(month_position(p.assessed_on, first), p.rank))
            self._attach(line, x_axis, level_axis)
            results[inst_id] = [(p.assessed_on.isoformat(), p.rank, p.score) for p in points]
        estimates = QScatterSeries()
        estimates.setName(self.tr("Her own estimate"))
        estimates.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
        estimates.setMarkerSize(11)
        estimates.setColor(QColor("#111827"))
        for p in ts.results:
            if p.estimate_rank:
                estimates.append(QPointF(month_position(p.assessed_on, first), p.estimate_rank))
        self._attach(estimates, x_axis, level_axis)

        self._data = {"months": [m.month.isoformat() for m in ts.months], "counts": [m.count for m in ts.months],
                      "results": results, "trend": ts.trend}
        total = sum(m.count for m in ts.months)
        trend = {"escalating": self.tr("escalating"), "calming": self.tr("calming"),
                 "steady": self.tr("steady")}[ts.trend]
        self.caption.setText(self.tr("{days} days with violence marked since {month}; the last three months: {trend}.")
                             .format(days=total, month=labels[0], trend=trend))

    def _attach(self, series: QXYSeries, x_axis: QBarCategoryAxis, y_axis: QCategoryAxis) -> None:
        self.chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
