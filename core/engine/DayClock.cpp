#include "engine/DayClock.h"

#include <QDateTime>

#include <limits>

namespace tenure {

namespace {
constexpr qint64 kMsPerDay = 86400000;

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}
} // namespace

DayClock::DayClock(QTimeZone zone)
    : m_zone(zone.isValid() ? std::move(zone) : QTimeZone::utc())
{
}

int DayClock::dayOf(qint64 utcMs)
{
    if (utcMs < m_validFrom || utcMs >= m_validTo)
        refresh(utcMs);
    return int(floorDiv(utcMs + m_offsetMs, kMsPerDay));
}

int DayClock::today() const
{
    return dayNumber(QDateTime::currentDateTime().toTimeZone(m_zone).date());
}

void DayClock::refresh(qint64 utcMs)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC);
    m_offsetMs = qint64(m_zone.offsetFromUtc(at)) * 1000;
    if (!m_zone.hasTransitions()) {
        m_validFrom = std::numeric_limits<qint64>::min();
        m_validTo = std::numeric_limits<qint64>::max();
        return;
    }
    const QTimeZone::OffsetData previous = m_zone.previousTransition(at.addMSecs(1));
    const QTimeZone::OffsetData next = m_zone.nextTransition(at);
    m_validFrom
        = previous.atUtc.isValid() ? previous.atUtc.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    m_validTo = next.atUtc.isValid() ? next.atUtc.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    if (utcMs < m_validFrom || utcMs >= m_validTo) { // zone data disagrees with itself: cache one hour only
        m_validFrom = utcMs - utcMs % 3600000;
        m_validTo = m_validFrom + 3600000;
    }
}

QByteArray DayClock::isoDay(int day)
{
    int year = 0;
    int month = 0;
    int dayOfMonth = 0;
    const QDate date = DayClock::date(day);
    date.getDate(&year, &month, &dayOfMonth);
    if (year < 0 || year > 9999)
        return date.toString(Qt::ISODate).toLatin1();
    char text[10];
    const auto put = [&text](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    put(0, year, 4);
    text[4] = '-';
    put(5, month, 2);
    text[7] = '-';
    put(8, dayOfMonth, 2);
    return QByteArray(text, sizeof text);
}

} // namespace tenure
