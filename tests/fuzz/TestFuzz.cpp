#include "FuzzCorpus.h"
#include "TestSupport.h"
#include "ingest/ColumnTypes.h"
#include "ingest/CsvReader.h"
#include "ingest/ImportMapping.h"
#include "ingest/RowConverter.h"
#include "ingest/TextDecoding.h"
#include "ingest/connectors/JsonLinesPipeline.h"
#include "ingest/connectors/PageDecoder.h"
#include "rules/RuleSetJson.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/EventLog.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace tenure;
using namespace tenure::fuzz;

namespace {

// An error a user can read: some text with letters in it, not an empty string or a code.
bool hasWords(const QString& error)
{
    int letters = 0;
    for (QChar c : error)
        letters += c.isLetter() ? 1 : 0;
    return letters >= 6;
}

QString wordless(const QString& where, const QString& error)
{
    return hasWords(error) ? QString()
                           : QStringLiteral("%1: an error without words: \"%2\"").arg(where, error);
}

// One input per rotation picks an encoding to force, so a regression replays the same way.
CsvReader::Options forcedOptions(const QByteArray& bytes)
{
    static const char* const encodings[]
        = { "utf-8", "cp932", "utf-16le", "utf-16be", "windows-1252", "euc-jp" };
    static const char delimiters[] = { ',', ';', '\t' };
    const size_t h = qHash(bytes);
    CsvReader::Options options;
    options.encoding = TextDecoding::canonicalName(QString::fromLatin1(encodings[h % 6])).value();
    options.delimiter = QChar::fromLatin1(delimiters[(h / 6) % 3]);
    return options;
}

QString csvProblem(const QByteArray& bytes)
{
    for (const CsvReader::Options& options : { CsvReader::Options {}, forcedOptions(bytes) }) {
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer, QStringLiteral("fuzz.csv"), options);
        if (Status started = reader.start(); !started) {
            if (QString problem = wordless(QStringLiteral("start"), started.error()); !problem.isEmpty())
                return problem;
            continue;
        }
        CsvRecord record;
        qint64 previous = 1;
        while (reader.next(record)) {
            if (record.line <= previous)
                return QStringLiteral("record at line %1 after line %2").arg(record.line).arg(previous);
            previous = record.line;
        }
        if (!reader.error().isEmpty())
            return wordless(QStringLiteral("next"), reader.error());
        // The import's first pass: every column's type, from every cell.
        QBuffer again;
        again.setData(bytes);
        again.open(QIODevice::ReadOnly);
        CsvReader second(&again, QStringLiteral("fuzz.csv"), { reader.encoding(), reader.delimiter() });
        if (Status started = second.start(); !started)
            return QStringLiteral("a second read fails to start: %1").arg(started.error());
        const auto types = ColumnTypes::infer(second, second.header());
        if (!types)
            return wordless(QStringLiteral("infer"), types.error());
    }
    return {};
}

// The file the mutated mappings are applied to: the columns the seed mappings name, and cells of
// every kind (months, yes/no, dates, figures, blanks).
const QStringList& sampleHeader()
{
    static const QStringList header { "customerID", "name",       "months_active", "Cancelled",
                                      "is_partner", "account_id", "event",         "timestamp",
                                      "count",      "kind",       "date",          "connection" };
    return header;
}

QList<CsvRecord> sampleRows()
{
    return {
        { { "C-1", "Acme", "14", "No", "true", "A-1", "login", "2026-11-25 10:00", "3", "churned",
            "2026-11-30", "Copper" },
          2 },
        { { "C-2", "Globex", "3", "Yes", "no", "A-2", "report", "2026/11/25", "1,200", "renewal", "20261130",
            "Fibre" },
          3 },
        { { "C-3", " ", "", "yes", "", "", "", "", " ", "", "", "No" }, 4 },
        { { "C-4", "Initech", "-5", "YES", "maybe", "A-4", "x", "1764000000", "(12)", "解約",
            "2026年11月30日", "00123" },
          5 },
        { { "C-5", "short row" }, 6 },
    };
}

QString mappingProblem(const QByteArray& bytes)
{
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject())
        return {}; // not a mapping at all: QJsonDocument's business, not ours
    const Result<ImportMapping> mapping = ImportMapping::fromJson(document.object());
    if (!mapping)
        return wordless(QStringLiteral("fromJson"), mapping.error());
    const QJsonObject json = mapping->toJson();
    const Result<ImportMapping> again = ImportMapping::fromJson(json);
    if (!again)
        return QStringLiteral("a mapping it wrote does not read back: %1").arg(again.error());
    if (again->toJson() != json)
        return QStringLiteral("a mapping changes when written and read back: %1")
            .arg(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    ImportMapping applied = mapping.value();
    applied.completeFrom(sampleHeader());
    (void)applied.describe();
    if (Status fits = applied.checkAgainst(sampleHeader(), QStringLiteral("fuzz.csv")); !fits)
        return wordless(QStringLiteral("checkAgainst"), fits.error());
    RowConverter converter(applied, sampleHeader(),
                           ValueParser({ QTimeZone::utc(), applied.dateOrder, applied.decimal }),
                           QStringLiteral("fuzz"));
    converter.setKnownAccounts({ QStringLiteral("C-1"), QStringLiteral("A-1") });
    converter.setAccountKeys({ { QStringLiteral("C-2"), QStringLiteral("A-2") } });
    QHash<QString, ColumnType> types;
    for (const QString& column : converter.extraColumns())
        types.insert(column, applied.types.value(column, ColumnType::Text));
    converter.setColumnTypes(types);
    for (const CsvRecord& record : sampleRows()) {
        if (!converter.selected(record))
            continue;
        RowError error;
        bool ok = true;
        switch (applied.kind) {
        case ImportMapping::Kind::Accounts:
            ok = converter.account(record, error).has_value();
            break;
        case ImportMapping::Kind::Events:
            ok = converter.event(record, error).has_value();
            break;
        case ImportMapping::Kind::Outcomes:
            ok = converter.outcome(record, error).has_value();
            break;
        case ImportMapping::Kind::Keys:
            ok = converter.key(record, error).has_value();
            break;
        }
        if (!ok)
            if (QString problem = wordless(QStringLiteral("row"), error.toString(QStringLiteral("fuzz.csv")));
                !problem.isEmpty())
                return problem;
    }
    return {};
}

QString rulesProblem(const QByteArray& bytes)
{
    const Result<RuleSet> rules = RuleSetJson::parse(bytes);
    if (!rules)
        return wordless(QStringLiteral("parse"), rules.error());
    const QByteArray written = RuleSetJson::serialize(*rules);
    const Result<RuleSet> again = RuleSetJson::parse(written);
    if (!again)
        return QStringLiteral("a rule set it wrote does not read back: %1").arg(again.error());
    if (RuleSetJson::serialize(*again) != written)
        return QStringLiteral("a rule set changes when written and read back");
    return {};
}

QString pageProblem(const QString& where, const Result<DecodedPage>& page)
{
    if (!page)
        return wordless(where, page.error());
    for (const EncodedEvent& event : page->events)
        if (event.accountId.isEmpty() || event.externalId.isEmpty())
            return QStringLiteral("%1: an event without an account, id or name").arg(where);
    for (const QString& rejected : page->rejected)
        if (QString problem = wordless(where, rejected); !problem.isEmpty())
            return problem;
    return {};
}

ConnectorConfig connector(ConnectorConfig::Kind kind)
{
    ConnectorConfig config = ConnectorConfig::defaultsFor(kind);
    config.name = QStringLiteral("fuzz");
    if (kind == ConnectorConfig::Kind::Rest)
        config.recordsPath = QStringLiteral("data");
    return config;
}

// The same lines through the pipeline, in small batches on its worker thread: what decodes as a
// whole decodes in batches to as many events.
QString pipelineProblem(const QByteArray& bytes, const Result<DecodedPage>& whole)
{
    JsonLinesPipeline pipeline(connector(ConnectorConfig::Kind::Mixpanel),
                               48 + qsizetype(qHash(bytes) % 200));
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QEventLoop loop;
    qsizetype events = 0;
    QString failure;
    bool done = false;
    QObject::connect(&pipeline, &JsonLinesPipeline::decoded, &loop, [&](const DecodedPage& page, bool last) {
        events += page.events.size();
        if (last) {
            done = true;
            loop.quit();
        }
    });
    QObject::connect(&pipeline, &JsonLinesPipeline::failed, &loop, [&](const QString& message) {
        failure = message.isEmpty() ? QStringLiteral("(empty)") : message;
        done = true;
        loop.quit();
    });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    pipeline.start(&buffer);
    pipeline.finishInput();
    if (!done)
        loop.exec();
    if (!done)
        return QStringLiteral("pipeline: no last batch and no error within 20 s");
    if (!failure.isEmpty())
        return wordless(QStringLiteral("pipeline"), failure);
    if (whole && events != whole->events.size())
        return QStringLiteral("pipeline: %1 events in batches, %2 as a whole")
            .arg(events)
            .arg(whole->events.size());
    return {};
}

QString jsonLinesProblem(const QByteArray& bytes)
{
    PageDecoder mixpanel(connector(ConnectorConfig::Kind::Mixpanel));
    const Result<DecodedPage> lines = mixpanel.decodeLines(bytes, 1);
    if (QString problem = pageProblem(QStringLiteral("mixpanel lines"), lines); !problem.isEmpty())
        return problem;
    PageDecoder rest(connector(ConnectorConfig::Kind::Rest));
    if (QString problem = pageProblem(QStringLiteral("rest page"), rest.decodeDocument(bytes));
        !problem.isEmpty())
        return problem;
    if (qHash(bytes) % 4 == 0) // a thread and an event loop per input: a quarter of them
        return pipelineProblem(bytes, lines);
    return {};
}

QString segmentProblem(const QByteArray& bytes)
{
    PageDecoder segment(connector(ConnectorConfig::Kind::Segment));
    segment.setUserAccounts({ { QStringLiteral("u1"), QStringLiteral("acct-1") } });
    if (QString problem = pageProblem(QStringLiteral("segment page"), segment.decodeDocument(bytes));
        !problem.isEmpty())
        return problem;
    return pageProblem(QStringLiteral("segment lines"), segment.decodeLines(bytes, 1));
}

class WorkspaceTarget
{
public:
    QString problem(const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("fuzz.tenure"));
        for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(path + suffix);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return QStringLiteral("cannot write %1").arg(path);
        file.close();
        for (Database::Mode mode : { Database::Mode::ReadOnly, Database::Mode::ReadWrite }) {
            auto db = Database::open(path, mode);
            if (!db) {
                if (QString problem = wordless(QStringLiteral("open"), db.error()); !problem.isEmpty())
                    return problem;
                continue;
            }
            (void)AccountStore(**db).count();
            (void)EventLog(**db).count();
        }
        return {};
    }

private:
    QTemporaryDir m_dir;
};

} // namespace

// Mutation fuzzing of everything that reads what a user or a server hands Tenure: CSV files,
// mapping and rule files, connector responses and workspace files. Each target replays its
// regressions, then its seeds, then a fixed number of mutations from a printed seed; a crash or a
// sanitizer report ends the process (the input is saved first), a failed check fails the test.
class TestFuzz : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        CrashGuard::install();
        qInfo(
            "fuzz seed %u (TENURE_FUZZ_SEED overrides it), %d mutations per target (TENURE_FUZZ_ITERATIONS)",
            runSeed(), iterations(kIterations));
    }

    void csvReader()
    {
        run(QStringLiteral("csv"), iterations(kIterations),
            QByteArray("\",;\t\r\n\\\xef\xbb\xbf\xff\xfe\x81\x82", 15) + QByteArray(1, '\0') + "a0 ",
            { "\"\"", "\r\n", "\"\n\"", "\xef\xbb\xbf", "\xff\xfe", "\x82\xa0", "\x8e\xa4", "\xe3\x81" },
            csvProblem);
    }

    void mappingReader()
    {
        run(QStringLiteral("mapping"), iterations(kIterations), "{}[]\":,0a-\\ ",
            { "null", "true", "[]", "{}", "\"\"", "\"columns\"", "\"types\"", "\"when\"", "\"in\"",
              "\"months_before\"", "\"boolean\"", "\"column\"", "\"value\"", "\"2026-02-31\"", "-1e308",
              "\"extra_columns\"" },
            mappingProblem, 0, kJsonWords);
    }

    void ruleReader()
    {
        run(QStringLiteral("rules"), iterations(kIterations), "{}[]\":,0a-.\\ ",
            { "null", "true", "[]", "{}", "\"\"", "-1", "1e999", "0.5", "\"criteria\"", "\"op\"", "\"all\"",
              "\"any\"", "\"weight\"", "\"stages\"" },
            rulesProblem, 0, kJsonWords);
    }

    void jsonLinesDecoder()
    {
        run(QStringLiteral("jsonlines"), iterations(kIterations), "{}[]\":,0a\\\n ",
            { "null", "[]", "{}", "\"\"", "\n", "\"time\"", "\"properties\"", "\"$insert_id\"",
              "1764000000123", "-1", "1e400", "\"\\u0000\"", "\"\\ud800\"" },
            jsonLinesProblem, 0, kJsonWords);
    }

    void segmentDecoder()
    {
        run(QStringLiteral("segment"), iterations(kIterations), "{}[]\":,0a\\\n ",
            { "null", "[]", "{}", "\"\"", "\"type\"", "\"track\"", "\"group\"", "\"identify\"", "\"page\"",
              "\"groupId\"", "\"userId\"", "\"timestamp\"", "\"2026-13-40T99:00:00Z\"", "\"context\"" },
            segmentProblem, 0, kJsonWords);
    }

    // Each input is a file written and opened twice (read-only, then read-write): fewer of them.
    void workspaceOpen()
    {
        WorkspaceTarget target;
        run(
            QStringLiteral("workspace"), iterations(kIterations) / 6,
            QByteArray("\x00\x01\xff\x7f\x80\x0d", 6),
            { QByteArray("\x00\x00\x00\x00", 4), QByteArray("\xff\xff\xff\xff", 4), "CREATE TABLE", "sqlite_",
              "DROP" },
            [&target](const QByteArray& bytes) { return target.problem(bytes); }, 32768);
    }

private:
    static constexpr int kIterations = 3000;

    // A read past the end of a heap block: ASan reports it and aborts; without ASan, a crash.
    static void selfTestCrash()
    {
        volatile char* block = new char[8];
        volatile int index = 8;
        qInfo("self test: reading past a heap block: %d", int(block[index]));
        std::abort();
    }
    // Values the tree mutations draw from besides the seeds' own keys and strings: the words of
    // a mapping, dates that do not exist, an encoding nobody has.
    inline static const QStringList kJsonWords {
        "kind",       "accounts",   "events",      "outcomes",  "keys",
        "columns",    "constants",  "account_key", "namespace", "extra_columns",
        "rest",       "none",       "types",       "text",      "number",
        "boolean",    "when",       "column",      "in",        "months_before",
        "value",      "date_order", "mdy",         "dmy",       ",",
        "encoding",   "bogus",      "delimiter",   ";",         "\t",
        "2026-02-31", "0001-01-01", "9999-12-31",  "-1",        "1e400",
        "Yes",        "はい"
    };

    // Every key and string of the seeds (JSON documents or JSON lines).
    static QStringList wordsOf(const QList<Input>& seeds)
    {
        QSet<QString> words;
        std::function<void(const QJsonValue&)> collect = [&](const QJsonValue& value) {
            if (value.isString())
                words.insert(value.toString());
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                words.insert(it.key());
                collect(it.value());
            }
            for (const QJsonValue& item : value.toArray())
                collect(item);
        };
        for (const Input& seed : seeds)
            for (const QByteArray& line : seed.bytes.split('\n') + QList<QByteArray> { seed.bytes }) {
                const QJsonDocument document = QJsonDocument::fromJson(line);
                collect(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()));
            }
        QStringList sorted(words.begin(), words.end());
        sorted.sort(); // QSet's order changes between runs: the mutations must not
        return sorted;
    }

    void run(const QString& name, int count, const QByteArray& alphabet, const QList<QByteArray>& tokens,
             const std::function<QString(const QByteArray&)>& check, qsizetype window = 0,
             QStringList words = {})
    {
        const Corpus corpus = Corpus::load(name);
        QVERIFY2(!corpus.seeds.isEmpty(), qPrintable(QStringLiteral("no seeds in ") + corpus.dir));
        Mutator mutator(runSeed() ^ quint32(qHash(name)), alphabet, tokens);
        if (!words.isEmpty())
            words += wordsOf(corpus.seeds);
        mutator.setWindow(window);
        QList<Input> inputs = corpus.regressions + corpus.seeds;
        const qsizetype fixed = inputs.size();
        QElapsedTimer total;
        total.start();
        qint64 slowest = 0;
        for (int i = 0; i < fixed + count; ++i) {
            Input input;
            if (i < fixed) {
                input = inputs.at(i);
            } else {
                const Input& base = corpus.seeds.at(mutator.random().bounded(int(corpus.seeds.size())));
                const bool tree = !words.isEmpty() && mutator.random().bounded(3) != 0;
                QByteArray bytes = tree ? mutator.mutateJson(base.bytes, words) : base.bytes;
                if (!tree || mutator.random().bounded(4) == 0)
                    bytes = mutator.mutate(bytes, corpus.seeds);
                input = { QStringLiteral("mutation %1 of %2").arg(i - fixed).arg(base.name), bytes };
            }
            CrashGuard::arm(corpus, input);
            if (i == fixed && qEnvironmentVariable("TENURE_FUZZ_SELF_TEST") == QLatin1String("crash"))
                selfTestCrash(); // shows that a crash keeps its input (not for everyday runs)
            QElapsedTimer timer;
            timer.start();
            const QString problem = check(input.bytes);
            const qint64 ms = timer.elapsed();
            CrashGuard::disarm();
            slowest = std::max(slowest, ms);
            if (!problem.isEmpty()) {
                const QString kept = CrashGuard::keep(corpus, input, QStringLiteral("failed"));
                QFAIL(qPrintable(
                    QStringLiteral("%1, %2: %3 (kept as %4)").arg(name, input.name, problem, kept)));
            }
            if (ms > 10000) {
                const QString kept = CrashGuard::keep(corpus, input, QStringLiteral("slow"));
                QFAIL(qPrintable(QStringLiteral("%1, %2: took %3 ms (kept as %4)")
                                     .arg(name, input.name)
                                     .arg(ms)
                                     .arg(kept)));
            }
        }
        qInfo("%s: %lld regressions, %lld seeds, %d mutations in %lld ms (slowest input %lld ms)",
              qPrintable(name), qint64(corpus.regressions.size()), qint64(corpus.seeds.size()), count,
              total.elapsed(), slowest);
    }
};

QTEST_GUILESS_MAIN(TestFuzz)
#include "TestFuzz.moc"
