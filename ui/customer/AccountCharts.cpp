#include "customer/AccountCharts.h"

#include <QPainter>

namespace tenure {

AccountCharts::AccountCharts(const std::optional<AccountReport>& report, QWidget* parent)
    : QWidget(parent)
    , m_report(report)
{
    setMinimumHeight(260);
}

void AccountCharts::paintEvent(QPaintEvent*)
{
    if (!m_report)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(8, 8, -8, -8);
    const ReportCharts::Ink ink = screenInk();
    ReportCharts::stageTimeline(painter, QRectF(area.left(), area.top(), area.width(), 64), m_report->history,
                                m_report->rules, ink);
    ReportCharts::healthTrend(painter, QRectF(area.left(), area.top() + 76, area.width(), area.height() - 76),
                              m_report->history, m_report->rules, ink);
}

ReportCharts::Ink AccountCharts::screenInk() const
{
    const QColor text = palette().color(QPalette::WindowText);
    const QColor window = palette().color(QPalette::Window);
    const auto mix = [&](double t) {
        return QColor::fromRgbF(float(text.redF() * (1 - t) + window.redF() * t),
                                float(text.greenF() * (1 - t) + window.greenF() * t),
                                float(text.blueF() * (1 - t) + window.blueF() * t));
    };
    ReportCharts::Ink ink;
    ink.onDark = window.lightnessF() < 0.5;
    ink.text = text;
    ink.axis = mix(0.45);
    ink.grid = mix(0.8);
    ink.line = ink.onDark ? QColor(0x7f, 0xb6, 0xe8) : ink.line;
    return ink;
}

} // namespace tenure
