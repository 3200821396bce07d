#include "report/CustomerExport.h"

#include "ingest/TextDecoding.h"

#include <QFile>
#include <QSaveFile>
#include <QStringEncoder>

namespace tenure {

namespace {

QString quoted(const QString& field)
{
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n') && !field.contains(u'\r'))
        return field;
    return u'"' + QString(field).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
}

} // namespace

QStringList CustomerExport::header()
{
    return {
        QStringLiteral("account_id"), QStringLiteral("name"),         QStringLiteral("owner"),
        QStringLiteral("plan"),       QStringLiteral("stage"),        QStringLiteral("score"),
        QStringLiteral("band"),       QStringLiteral("arr"),          QStringLiteral("currency"),
        QStringLiteral("seats"),      QStringLiteral("renewal_date"), QStringLiteral("days_to_renewal")
    };
}

Status CustomerExport::write(const PortfolioReport& list, const QString& path, const QString& encoding)
{
    QByteArray canonical = "UTF-8";
    if (!encoding.isEmpty()) {
        Result<QByteArray> named = TextDecoding::canonicalName(encoding);
        if (!named)
            return Error { named.error() };
        canonical = named.value();
    }
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
    auto writeLine = [&](const QStringList& fields, const QString& what) -> Status {
        QStringList cells;
        for (const QString& field : fields)
            cells.append(quoted(field));
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
    if (Status s = writeLine(header(), tr("The header")); !s)
        return s;
    for (const PortfolioReport::Row& row : list.rows) {
        const Account& a = row.account;
        const QStringList fields {
            a.id,
            a.name,
            a.owner,
            a.plan,
            list.rules.stageName(row.stage),
            row.score ? QString::number(*row.score, 'f', 1) : QString(),
            row.band,
            a.arr ? QString::number(*a.arr, 'f', 2) : QString(),
            a.currency,
            a.seats ? QString::number(*a.seats) : QString(),
            a.renewalDate.isValid() ? a.renewalDate.toString(Qt::ISODate) : QString(),
            row.daysToRenewal ? QString::number(*row.daysToRenewal) : QString(),
        };
        if (Status s = writeLine(fields, tr("Account %1 (%2)").arg(a.id, a.name)); !s)
            return s;
    }
    if (!file.commit())
        return Error { tr("%1: %2").arg(path, file.errorString()) };
    return {};
}

} // namespace tenure
