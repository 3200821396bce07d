#pragma once

// The cells and figures of the Tuning view's tables (Summary, Per criterion, Suggestion).

#include "PlainText.h"
#include "tuning/Statistics.h"

#include <QLocale>
#include <QString>
#include <QTableWidgetItem>

#include <optional>

namespace tenure::tuningcells {

inline QString percent(double fraction)
{
    return QLocale().toString(fraction * 100, 'f', 1) + QLatin1Char('%');
}

inline QString percent(const std::optional<double>& fraction)
{
    return fraction ? percent(*fraction) : QStringLiteral("–");
}

// "8.1% [2.8%–21.3%]": a rate and its 95% interval.
inline QString withInterval(double rate, const stats::Interval& interval)
{
    return QStringLiteral("%1 [%2–%3]").arg(percent(rate), percent(interval.low), percent(interval.high));
}

inline QTableWidgetItem* cell(const QString& text,
                              Qt::Alignment alignment = Qt::AlignRight | Qt::AlignVCenter)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    return item;
}

// A name (a stage, a criterion's label) in a narrow column: left-aligned, `whole` on hover, as
// plain text (names come from rule files).
inline QTableWidgetItem* nameCell(const QString& text, const QString& whole)
{
    QTableWidgetItem* item = cell(text, Qt::AlignLeft | Qt::AlignVCenter);
    item->setToolTip(PlainText::asRichText(whole));
    return item;
}

} // namespace tenure::tuningcells
