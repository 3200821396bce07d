#include "cli/commands/ReplayOptions.h"

#include <QCommandLineParser>

namespace tenure::cli {

std::optional<QString> ReplayOptions::read(const QCommandLineParser& parser, ReplayOptions& options)
{
    bool ok = false;
    options.horizonDays = parser.value(QStringLiteral("horizon")).toInt(&ok);
    if (!ok || options.horizonDays <= 0)
        return tr("--horizon expects a number of days above 0, got \"%1\".")
            .arg(parser.value(QStringLiteral("horizon")));
    if (std::optional<QString> wrong = readDay(parser, QStringLiteral("as-of"), options.today))
        return wrong;
    if (parser.isSet(QStringLiteral("baseline"))) {
        options.baselineLimit = parser.value(QStringLiteral("baseline")).toInt(&ok);
        if (!ok || options.baselineLimit <= 0)
            return tr("--baseline expects a number above 0, got \"%1\".")
                .arg(parser.value(QStringLiteral("baseline")));
    }
    return std::nullopt;
}

std::optional<QString> ReplayOptions::readDay(const QCommandLineParser& parser, const QString& name,
                                              std::optional<QDate>& day)
{
    if (!parser.isSet(name))
        return std::nullopt;
    const QDate date = QDate::fromString(parser.value(name), Qt::ISODate);
    if (!date.isValid())
        return tr("--%1 expects a date as YYYY-MM-DD, got \"%2\".").arg(name, parser.value(name));
    day = date;
    return std::nullopt;
}

} // namespace tenure::cli
