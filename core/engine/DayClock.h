#pragma once

#include <QByteArray>
#include <QDate>
#include <QTimeZone>

namespace tenure {

// Turns UTC instants into calendar days of the workspace time zone. Days are numbered from
// 1970-01-01 (day 0) so windows are plain integer ranges. The zone's offset is cached between
// transitions, so converting millions of events costs a few additions each.
// Not thread-safe: each thread keeps its own.
class DayClock
{
public:
    explicit DayClock(QTimeZone zone);

    int dayOf(qint64 utcMs);
    // The current day in the zone.
    int today() const;
    const QTimeZone& zone() const { return m_zone; }

    static int dayNumber(const QDate& date) { return int(date.toJulianDay() - kEpochJulianDay); }
    static QDate date(int day) { return QDate::fromJulianDay(day + kEpochJulianDay); }
    // YYYY-MM-DD, as date(day).toString(Qt::ISODate) gives it, without its formatting machinery:
    // the engine writes days for every account it scores.
    static QByteArray isoDay(int day);

private:
    static constexpr qint64 kEpochJulianDay = 2440588;
    void refresh(qint64 utcMs);

    QTimeZone m_zone;
    qint64 m_validFrom = 1; // [m_validFrom, m_validTo) has offset m_offsetMs; empty at first
    qint64 m_validTo = 0;
    qint64 m_offsetMs = 0;
};

} // namespace tenure
