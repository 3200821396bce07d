#include "ingest/ValueParser.h"

#include <QDateTime>
#include <QRegularExpression>

namespace tenure {

namespace {

QString normalised(const QString& text)
{
    // Full-width digits, letters and signs (common in Japanese exports) become ASCII.
    QString s = text.trimmed();
    for (QChar c : s) {
        if (c.unicode() >= 0xff01 && c.unicode() <= 0xff5e) {
            s = s.normalized(QString::NormalizationForm_KC);
            break;
        }
    }
    return s;
}

} // namespace

ValueParser::ValueParser(Options options)
    : m_options(std::move(options))
{
}

std::optional<ValueParser::DateOrder> ValueParser::dateOrderFromName(const QString& name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1String("ymd") || key.isEmpty())
        return DateOrder::YearMonthDay;
    if (key == QLatin1String("mdy"))
        return DateOrder::MonthDayYear;
    if (key == QLatin1String("dmy"))
        return DateOrder::DayMonthYear;
    return std::nullopt;
}

std::optional<ValueParser::Parts> ValueParser::split(const QString& input) const
{
    static const QRegularExpression pattern(
        QStringLiteral(
            R"(^(\d{1,4})[-/.年](\d{1,2})[-/.月](\d{1,4})日?(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$)"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(input);
    if (!match.hasMatch())
        return std::nullopt;
    const int a = match.captured(1).toInt();
    const int b = match.captured(2).toInt();
    const int c = match.captured(3).toInt();
    const bool yearFirst = match.captured(1).size() == 4;
    int year, month, day;
    if (yearFirst) {
        year = a, month = b, day = c;
    } else if (match.captured(3).size() == 4 && m_options.dateOrder == DateOrder::MonthDayYear) {
        year = c, month = a, day = b;
    } else if (match.captured(3).size() == 4 && m_options.dateOrder == DateOrder::DayMonthYear) {
        year = c, month = b, day = a;
    } else {
        return std::nullopt; // 11/25/2026 without a stated order is ambiguous
    }
    Parts parts;
    parts.date = QDate(year, month, day);
    if (!parts.date.isValid())
        return std::nullopt;
    if (match.hasCaptured(4)) {
        int ms = 0;
        if (match.hasCaptured(7))
            ms = match.captured(7).left(3).leftJustified(3, u'0').toInt();
        const QTime time(match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt(), ms);
        if (!time.isValid())
            return std::nullopt;
        parts.time = time;
    }
    if (match.hasCaptured(8)) {
        const QString zone = match.captured(8).toUpper();
        if (zone == QLatin1String("Z") || zone == QLatin1String("UTC")) {
            parts.offsetSeconds = 0;
        } else {
            const QString digits = zone.mid(1).remove(u':');
            const int seconds = digits.left(2).toInt() * 3600 + digits.mid(2, 2).toInt() * 60;
            parts.offsetSeconds = zone.startsWith(u'-') ? -seconds : seconds;
        }
    }
    return parts;
}

std::optional<QDate> ValueParser::date(const QString& text) const
{
    const QString s = normalised(text);
    if (s.size() == 8 && std::all_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); })) {
        const QDate compact = QDate::fromString(s, QStringLiteral("yyyyMMdd"));
        if (compact.isValid())
            return compact;
    }
    const std::optional<Parts> parts = split(s);
    if (!parts)
        return std::nullopt;
    return parts->date;
}

std::optional<qint64> ValueParser::timestamp(const QString& text) const
{
    const QString s = normalised(text);
    if (!s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); })) {
        if (s.size() == 10)
            return s.toLongLong() * 1000;
        if (s.size() == 13)
            return s.toLongLong();
    }
    const std::optional<Parts> parts = split(s);
    if (!parts) {
        if (const std::optional<QDate> compact = date(s))
            return compact->startOfDay(m_options.zone).toMSecsSinceEpoch();
        return std::nullopt;
    }
    if (!parts->time)
        return parts->date.startOfDay(m_options.zone).toMSecsSinceEpoch();
    if (parts->offsetSeconds)
        return QDateTime(parts->date, *parts->time, QTimeZone(*parts->offsetSeconds)).toMSecsSinceEpoch();
    return QDateTime(parts->date, *parts->time, m_options.zone).toMSecsSinceEpoch();
}

std::optional<double> ValueParser::number(const QString& text) const
{
    QString s = normalised(text);
    if (s.isEmpty())
        return std::nullopt;
    bool negative = false;
    if (s.startsWith(u'(') && s.endsWith(u')')) { // accounting style: (1,200) is -1200
        negative = true;
        s = s.mid(1, s.size() - 2).trimmed();
    }
    if (s.startsWith(u'-') || s.startsWith(u'−')) {
        negative = !negative;
        s = s.mid(1).trimmed();
    }
    // Currency signs and codes before or after the figure.
    static const QRegularExpression currency(
        QStringLiteral(R"(^(?:[$€£¥￥₩]|USD|EUR|GBP|JPY|US\$)\s*|\s*(?:[$€£¥￥円]|USD|EUR|GBP|JPY)$)"),
        QRegularExpression::CaseInsensitiveOption);
    s.remove(currency);
    if (s.startsWith(u'-')) {
        negative = !negative;
        s = s.mid(1);
    }
    const QChar decimal = m_options.decimal;
    const QChar thousands = decimal == u',' ? u'.' : u',';
    // Thousands separators must group by three: "1,234,567" but not "1,23".
    const qsizetype point = s.indexOf(decimal);
    const QString whole = point < 0 ? s : s.left(point);
    if (whole.contains(thousands) || whole.contains(u' ') || whole.contains(QChar(0x202f))) {
        static const QRegularExpression grouped(QStringLiteral(R"(^\d{1,3}([,. \x{202f}]\d{3})+$)"));
        if (!grouped.match(whole).hasMatch())
            return std::nullopt;
    }
    QString plain = s;
    plain.remove(thousands).remove(u' ').remove(QChar(0x202f));
    if (decimal != u'.')
        plain.replace(decimal, u'.');
    static const QRegularExpression figure(QStringLiteral(R"(^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$)"));
    if (!figure.match(plain).hasMatch())
        return std::nullopt;
    bool ok = false;
    const double value = plain.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return negative ? -value : value;
}

std::optional<bool> ValueParser::boolean(const QString& text) const
{
    const QString s = normalised(text).toLower();
    static const QStringList yes { QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("y"),
                                   QStringLiteral("1"),    QStringLiteral("t"),   QStringLiteral("on"),
                                   QStringLiteral("はい"), QStringLiteral("有"),  QStringLiteral("○") };
    static const QStringList no { QStringLiteral("false"),  QStringLiteral("no"), QStringLiteral("n"),
                                  QStringLiteral("0"),      QStringLiteral("f"),  QStringLiteral("off"),
                                  QStringLiteral("いいえ"), QStringLiteral("無"), QStringLiteral("×") };
    if (yes.contains(s))
        return true;
    if (no.contains(s))
        return false;
    return std::nullopt;
}

QString ValueParser::currencyOf(const QString& text)
{
    if (text.contains(u'¥') || text.contains(u'￥') || text.contains(u'円')
        || text.contains(QLatin1String("JPY")))
        return QStringLiteral("JPY");
    if (text.contains(u'€') || text.contains(QLatin1String("EUR")))
        return QStringLiteral("EUR");
    if (text.contains(u'£') || text.contains(QLatin1String("GBP")))
        return QStringLiteral("GBP");
    if (text.contains(u'$') || text.contains(QLatin1String("USD")))
        return QStringLiteral("USD");
    return {};
}

QString ValueParser::expectedDate() const
{
    switch (m_options.dateOrder) {
    case DateOrder::MonthDayYear:
        return tr("a date such as 2026-11-25, 2026/11/25 or 11/25/2026");
    case DateOrder::DayMonthYear:
        return tr("a date such as 2026-11-25, 2026/11/25 or 25/11/2026");
    case DateOrder::YearMonthDay:
        break;
    }
    return tr("a date such as 2026-11-25, 2026/11/25 or 2026年11月25日");
}

QString ValueParser::expectedTimestamp() const
{
    return tr("a date or date-time such as 2026-11-25, 2026-11-25 14:30:00 or 2026-11-25T05:30:00Z");
}

QString ValueParser::expectedNumber()
{
    return tr("a number such as 1200, 1,200.50 or ¥12,000");
}

QString ValueParser::expectedBoolean()
{
    return tr("a yes/no value (true/false, yes/no, 1/0)");
}

} // namespace tenure
