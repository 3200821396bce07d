#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace tenure {

// Turns the text of a CSV cell into typed values the way CSMs' exports write them: ISO and
// slashed dates, Japanese dates (2026年11月25日), date-times with or without a zone, numbers
// with thousands separators, currency signs and full-width digits, booleans as True/False,
// yes/no, 1/0. Each parse returns nothing on failure; expected() says what would have worked.
class ValueParser
{
    Q_DECLARE_TR_FUNCTIONS(ValueParser)

public:
    enum class DateOrder { YearMonthDay, MonthDayYear, DayMonthYear };

    struct Options
    {
        QTimeZone zone = QTimeZone::utc(); // the workspace zone: times without an offset are in it
        DateOrder dateOrder = DateOrder::YearMonthDay; // for 11/25/2026 or 25/11/2026
        QChar decimal = u'.'; // ',' for "1.234,56"
    };

    explicit ValueParser(Options options);

    std::optional<QDate> date(const QString& text) const;
    // UTC milliseconds. A date alone is the start of that day in the zone; 10 and 13 digit
    // numbers are Unix seconds and milliseconds.
    std::optional<qint64> timestamp(const QString& text) const;
    std::optional<double> number(const QString& text) const;
    std::optional<bool> boolean(const QString& text) const;
    // The ISO code a figure's currency sign stands for ("¥1,200" → JPY), or empty.
    static QString currencyOf(const QString& text);

    QString expectedDate() const;
    QString expectedTimestamp() const;
    static QString expectedNumber();
    static QString expectedBoolean();

    static std::optional<DateOrder> dateOrderFromName(const QString& name);

private:
    struct Parts
    {
        QDate date;
        std::optional<QTime> time;
        std::optional<int> offsetSeconds; // set when the text names a zone (Z, +09:00)
    };
    std::optional<Parts> split(const QString& text) const;

    Options m_options;
};

} // namespace tenure
