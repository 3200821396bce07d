#include "report/CustomerExport.h"

#include "ingest/TextDecoding.h"
#include "util/CsvCell.h"

#include <QFile>
#include <QSaveFile>
#include <QStringEncoder>

namespace tenure {

QStringList CustomerExport::header()
{
    return {
        QStringLiteral("account_id"), QStringLiteral("name"),         QStringLiteral("owner"),
        QStringLiteral("plan"),       QStringLiteral("stage"),        QStringLiteral("score"),
        QStringLiteral("band"),       QStringLiteral("arr"),          QStringLiteral("currency"),
        QStringLiteral("seats"),      QStringLiteral("renewal_date"), QStringLiteral("days_to_renewal")
    };
}

Result<QByteArray> CustomerExport::encodingNamed(const QString& encoding)
{
    if (encoding.isEmpty())
        return QByteArray("UTF-8");
    Result<QByteArray> named = TextDecoding::canonicalName(encoding);
    // Only the two that hold every name Tenure shows, Japanese included, and that Excel opens.
    if (!named || (*named != "UTF-8" && *named != "CP932"))
        return Error { tr("Unknown export encoding \"%1\": expected utf-8 or cp932").arg(encoding) };
    return named;
}

Status CustomerExport::write(const PortfolioReport& list, const QString& path, const QString& encoding)
{
    Result<QByteArray> named = encodingNamed(encoding);
    if (!named)
        return Error { named.error() };
    const QByteArray canonical = named.value();
    const bool utf8 = canonical == "UTF-8";
    QStringEncoder encoder(canonical.constData(),
                           utf8 ? QStringConverter::Flag::WriteBom : QStringConverter::Flag::Default);
    if (!encoder.isValid())
        return Error {
            tr("The encoding %1 is not supported on this system.").arg(QString::fromLatin1(canonical))
        };

    QSaveFile file(path); // all or nothing: a failed export leaves no half-written file
    if (!file.open(QIODevice::WriteOnly))
        return Error { tr("%1: %2").arg(path, file.errorString()) };
    auto writeLine = [&](const QStringList& cells, const QString& what) -> Status {
        const QByteArray bytes = encoder.encode(cells.join(u',') + QStringLiteral("\r\n"));
        if (encoder.hasError())
            return Error {
                tr("%1 cannot be written in %2 (a character it has no code for); export as UTF-8 instead.")
                    .arg(what, QString::fromLatin1(canonical))
            };
        if (file.write(bytes) != bytes.size())
            return Error { tr("%1: %2").arg(path, file.errorString()) };
        return {};
    };
    QStringList headerCells;
    for (const QString& name : header())
        headerCells << CsvCell::text(name);
    if (Status s = writeLine(headerCells, tr("The header")); !s)
        return s;
    for (const PortfolioReport::Row& row : list.rows) {
        const Account& a = row.account;
        // Names, owners, plans and stages come from imports: text cells, never formulas.
        using CsvCell::number;
        using CsvCell::text;
        const QStringList fields {
            text(a.id),
            text(a.name),
            text(a.owner),
            text(a.plan),
            text(list.rules.stageName(row.stage)),
            row.score ? number(QString::number(*row.score, 'f', 1)) : QString(),
            text(row.band),
            a.arr ? number(QString::number(*a.arr, 'f', 2)) : QString(),
            text(a.currency),
            a.seats ? number(QString::number(*a.seats)) : QString(),
            a.renewalDate.isValid() ? text(a.renewalDate.toString(Qt::ISODate)) : QString(),
            row.daysToRenewal ? number(QString::number(*row.daysToRenewal)) : QString(),
        };
        if (Status s = writeLine(fields, tr("Account %1 (%2)").arg(a.id, a.name)); !s)
            return s;
    }
    if (!file.commit())
        return Error { tr("%1: %2").arg(path, file.errorString()) };
    return {};
}

} // namespace tenure
