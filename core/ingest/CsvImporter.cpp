#include "ingest/CsvImporter.h"

#include "ingest/CsvReader.h"
#include "ingest/RowProducer.h"
#include "ingest/TextDecoding.h"
#include "store/AccountKeyStore.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"
#include "store/Transaction.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlQuery>

namespace tenure {

namespace {

constexpr int kChunkRows = 10000;

} // namespace

CsvImporter::CsvImporter(Database& db, QTimeZone zone)
    : m_db(db)
    , m_zone(std::move(zone))
{
}

std::optional<ImportMapping> CsvImporter::savedMapping(Database& db, const QString& source,
                                                       ImportMapping::Kind kind)
{
    const std::optional<SourceStore::Source> saved = SourceStore(db).find(source);
    if (!saved)
        return std::nullopt;
    const QJsonObject preset = saved->config.value(QStringLiteral("mapping")).toObject();
    if (preset.isEmpty())
        return std::nullopt;
    Result<ImportMapping> mapping = ImportMapping::fromJson(preset);
    if (!mapping || mapping->kind != kind)
        return std::nullopt;
    return std::move(mapping).value();
}

QString CsvImporter::Report::currencyNotice() const
{
    if (currencyAssumed == 0)
        return {};
    return CsvImporter::tr("New accounts whose ARR names no currency: %1, the first on line %2. They are "
                           "taken as USD. If the file is in another currency, give the currency field a "
                           "column that names it, or one value for every row (such as JPY), and import "
                           "again.")
        .arg(currencyAssumed)
        .arg(firstCurrencyAssumedLine);
}

QString CsvImporter::defaultSourceName(const QString& path)
{
    static const QRegularExpression others(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QString name = QFileInfo(path).completeBaseName().toLower();
    name.replace(others, QStringLiteral("-"));
    while (name.startsWith(u'-'))
        name.remove(0, 1);
    while (name.endsWith(u'-'))
        name.chop(1);
    return name.isEmpty() ? QStringLiteral("csv") : name;
}

Result<CsvImporter::Report> CsvImporter::run(const QString& path, const Options& options,
                                             const Progress& progress, const std::atomic_bool* cancel)
{
    const QString fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { tr("%1: cannot open the file: %2").arg(path, file.errorString()) };
    const qint64 total = file.size();

    Report report;
    report.fileName = fileName;
    report.source = options.source.isEmpty() ? defaultSourceName(path) : options.source;

    // The mapping: given, else the source's saved preset, else detected from the header.
    SourceStore sources(m_db);
    std::optional<ImportMapping> mapping = options.mapping;
    if (mapping && mapping->kind != options.kind)
        return Error { tr("The mapping is for %1, but this import is of %2.")
                           .arg(ImportMapping::kindName(mapping->kind),
                                ImportMapping::kindName(options.kind)) };
    if (!mapping)
        mapping = savedMapping(m_db, report.source, options.kind);

    CsvReader::Options readerOptions;
    const QString encoding = !options.encoding.isEmpty() ? options.encoding
        : mapping                                        ? mapping->encoding
                                                         : QString();
    if (!encoding.isEmpty()) {
        Result<QByteArray> canonical = TextDecoding::canonicalName(encoding);
        if (!canonical)
            return Error { canonical.error() };
        readerOptions.encoding = *canonical;
    }
    if (mapping)
        readerOptions.delimiter = mapping->delimiter;
    CsvReader reader(&file, fileName, readerOptions);
    if (Status started = reader.start(); !started)
        return Error { started.error() };
    report.encoding = reader.encoding();
    report.delimiter = reader.delimiter();

    if (!mapping)
        mapping = ImportMapping::detect(options.kind, reader.header());
    else
        mapping->completeFrom(reader.header());
    if (!options.keyNamespace.isEmpty())
        mapping->keyNamespace = options.keyNamespace;
    if (Status fits = mapping->checkAgainst(reader.header(), fileName); !fits)
        return Error { fits.error() };
    report.mapping = *mapping;

    ValueParser parser({ m_zone, mapping->dateOrder, mapping->decimal });
    RowConverter converter(*mapping, reader.header(), parser, report.source);
    // A column's type depends on every one of its cells, and rows are converted as they stream
    // by: a first pass over the file types the columns the mapping leaves untyped. It keeps a few
    // flags per column, so memory stays bounded; the file is read twice.
    QStringList untyped;
    for (const QString& column : converter.extraColumns()) {
        if (const auto type = mapping->types.constFind(column); type != mapping->types.constEnd())
            report.columnTypes.insert(column, *type);
        else
            untyped.append(column);
    }
    if (!untyped.isEmpty()) {
        QFile again(path);
        if (!again.open(QIODevice::ReadOnly))
            return Error { tr("%1: cannot open the file: %2").arg(path, again.errorString()) };
        CsvReader first(&again, fileName, { reader.encoding(), reader.delimiter() });
        if (Status started = first.start(); !started)
            return Error { started.error() };
        Result<QHash<QString, ColumnType>> inferred = ColumnTypes::infer(first, untyped, cancel);
        if (cancel && cancel->load()) {
            report.cancelled = true;
            return report;
        }
        if (!inferred)
            return Error { tr("%1 Nothing was imported.").arg(inferred.error()) };
        report.columnTypes.insert(*inferred);
    }
    converter.setColumnTypes(report.columnTypes);
    if (!mapping->accountKeyColumn.isEmpty()) {
        Result<QHash<QString, QString>> keys = AccountKeyStore(m_db).load(mapping->accountKeyNamespace);
        if (!keys)
            return Error { keys.error() };
        if (keys->isEmpty())
            return Error {
                tr("%1: accounts are resolved through %2 keys, but none were imported yet (import them "
                   "first: tenure-cli import keys FILE --namespace %2)")
                    .arg(fileName, mapping->accountKeyNamespace)
            };
        converter.setAccountKeys(std::move(*keys));
    }
    AccountStore accounts(m_db);
    QHash<QString, Account> existing;
    if (options.kind == ImportMapping::Kind::Accounts || options.kind == ImportMapping::Kind::Outcomes) {
        Result<QList<Account>> all = accounts.all();
        if (!all)
            return Error { all.error() };
        QSet<QString> ids;
        for (Account& account : *all) {
            ids.insert(account.id);
            existing.insert(account.id, std::move(account));
        }
        converter.setKnownAccounts(std::move(ids));
        converter.setExistingAccounts(existing);
    }

    // One transaction for the whole file; nothing before this point wrote anything.
    std::optional<Transaction> transaction;
    if (!options.dryRun) {
        transaction.emplace(m_db);
        if (!transaction->isActive())
            return Error { tr("Cannot start the import: %1").arg(transaction->startError()) };
        if (Status registered = sources.ensure(report.source, QStringLiteral("csv")); !registered)
            return Error { registered.error() };
    }

    const bool abortOnError = options.onError == OnError::Abort;
    bool writing = !options.dryRun;
    auto reject = [&](RowError error) {
        ++report.rejected;
        if (report.errors.size() < options.maxReportedErrors)
            report.errors.append(std::move(error));
        if (abortOnError)
            writing = false; // keep reading to report every bad row, write nothing more
    };

    EventLog log(m_db);
    AccountKeyStore keyStore(m_db);
    QString writeError;

    // Writes one chunk; its values are already checked, its bad rows already reported.
    auto write = [&](const RowChunk& chunk) -> bool {
        switch (options.kind) {
        case ImportMapping::Kind::Events: {
            Result<EventLog::AppendResult> appended = log.append(chunk.events, EventLog::Policy::SkipInvalid);
            if (!appended) {
                writeError = appended.error();
                return false;
            }
            report.inserted += appended->inserted;
            report.unchanged += appended->duplicates;
            for (const EventLog::Rejection& rejection : appended->rejected)
                reject({ chunk.lines[rejection.index], 0, {}, rejection.reason });
            break;
        }
        case ImportMapping::Kind::Accounts: {
            QList<Account> changed;
            for (const Account& account : chunk.accounts) {
                const auto stored = existing.constFind(account.id);
                if (stored != existing.constEnd() && *stored == account) {
                    ++report.unchanged;
                    continue;
                }
                ++(stored == existing.constEnd() ? report.inserted : report.updated);
                existing.insert(account.id, account);
                changed.append(account);
            }
            if (Status upserted = accounts.upsert(changed); !upserted) {
                writeError = upserted.error();
                return false;
            }
            break;
        }
        case ImportMapping::Kind::Outcomes: {
            Result<AccountStore::OutcomeCounts> added = accounts.addOutcomes(chunk.outcomes);
            if (!added) {
                writeError = added.error();
                return false;
            }
            report.inserted += added->inserted;
            report.unchanged += added->duplicates;
            break;
        }
        case ImportMapping::Kind::Keys: {
            Result<AccountKeyStore::Counts> stored
                = keyStore.upsert(mapping->keyNamespace, chunk.keys, report.source);
            if (!stored) {
                writeError = stored.error();
                return false;
            }
            report.inserted += stored->inserted;
            report.updated += stored->changed;
            report.unchanged += stored->unchanged;
            break;
        }
        }
        return true;
    };

    // Reading and converting run on the producer's thread while this one writes.
    RowProducer producer(reader, converter, options.kind, kChunkRows);
    producer.start();
    RowChunk chunk;
    qint64 lastLine = 1;
    while (producer.next(chunk)) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            report.cancelled = true;
            producer.stop();
            break;
        }
        report.rows += chunk.rows;
        report.leftOut += chunk.leftOut;
        if (chunk.currencyAssumed > 0 && report.currencyAssumed == 0)
            report.firstCurrencyAssumedLine = chunk.firstCurrencyAssumedLine;
        report.currencyAssumed += chunk.currencyAssumed;
        for (RowError& error : chunk.errors)
            reject(std::move(error));
        if (!chunk.lines.isEmpty())
            lastLine = chunk.lines.last();
        if (options.dryRun)
            report.inserted += chunk.lines.size(); // ready to import
        else if (writing && !write(chunk))
            return Error { tr("%1: writing rows up to line %2 failed, nothing was imported: %3")
                               .arg(fileName)
                               .arg(lastLine)
                               .arg(writeError) };
        if (progress)
            progress(chunk.bytesRead, total);
    }
    producer.stop();
    if (!reader.error().isEmpty())
        return Error { tr("%1 Nothing was imported.").arg(reader.error()) };
    if (report.cancelled) {
        report.inserted = report.updated = report.unchanged = 0;
        return report; // the transaction rolls back as it goes out of scope
    }
    // Bad rows in file order, whether the converter or the log found them.
    std::stable_sort(report.errors.begin(), report.errors.end(),
                     [](const RowError& a, const RowError& b) { return a.line < b.line; });
    if (progress)
        progress(total, total);

    if (options.dryRun)
        return report;
    if (abortOnError && report.rejected > 0) {
        transaction->rollback();
        report.inserted = report.updated = report.unchanged = 0;
        return report;
    }
    // The mapping that worked becomes the source's preset for its next import.
    if (Status saved
        = sources.setConfig(report.source, QJsonObject { { QStringLiteral("mapping"), mapping->toJson() } });
        !saved)
        return Error { saved.error() };
    if (Status committed = transaction->commit(); !committed)
        return Error {
            tr("%1: committing the import failed, nothing was imported: %2").arg(fileName, committed.error())
        };
    report.committed = true;
    return report;
}

} // namespace tenure
