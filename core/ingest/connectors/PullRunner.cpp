#include "ingest/connectors/PullRunner.h"

#include "domain/Outcome.h"
#include "ingest/connectors/SecretStore.h"
#include "store/AccountKeyStore.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"
#include "store/Transaction.h"
#include "store/WorkspaceSettings.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QUrlQuery>

namespace tenure {

namespace {

// Qt's network error texts name the whole address ("Error transferring https://…?api_key=…"),
// and an error page may echo it: every address in such a text loses its query, fragment, user
// name and password, as where() leaves them out (a key in the query is a secret).
QString withoutSecrets(QString text)
{
    static const QRegularExpression address(
        QStringLiteral("([A-Za-z][A-Za-z0-9+.-]*://)([^/\\s?#@]*@)?([^\\s?#]*)([?#]\\S*)?"));
    return text.replace(address, QStringLiteral("\\1\\3"));
}

QString errorText(const QNetworkReply* reply)
{
    return withoutSecrets(reply->errorString());
}

constexpr int kMaxRetryAfterSeconds = 600;
// JSON lines are decoded and committed in batches of about this many bytes (some 80,000 events): large
// enough that a commit's index pages are written once, small enough to bound memory.
constexpr qsizetype kLineBatchBytes = 16 << 20;
constexpr int kMaxReportedRejections = 100;

QString isoUtc(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// rel="next" of an RFC 8288 Link header.
QString nextFromLinkHeader(const QByteArray& header)
{
    static const QRegularExpression link(QStringLiteral(R"(<([^>]*)>\s*;[^,]*rel\s*=\s*"?next"?)"));
    const QRegularExpressionMatch match = link.match(QString::fromLatin1(header));
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

PullRunner::PullRunner(Database& db, ConnectorConfig config, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_config(std::move(config))
    , m_decoder(m_config)
    , m_network(new QNetworkAccessManager(this))
    , m_jitter(QRandomGenerator::securelySeeded())
{
    qRegisterMetaType<tenure::PullRunner::Report>();
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &PullRunner::sendRequest);
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    if (streamsLines()) {
        m_lines = new JsonLinesPipeline(m_config, kLineBatchBytes, this);
        connect(m_lines, &JsonLinesPipeline::decoded, this, &PullRunner::storeStreamed);
        connect(m_lines, &JsonLinesPipeline::failed, this, [this](const QString& message) {
            if (m_reply) {
                m_reply->disconnect(this);
                m_reply->abort();
                m_reply = nullptr;
            }
            fail(tr("%1: %2").arg(where(), message));
        });
    }
}

PullRunner::~PullRunner()
{
    if (m_reply)
        m_reply->abort();
}

QDateTime PullRunner::nextSince(const QJsonObject& state, const ConnectorConfig& config)
{
    const qint64 end = qint64(state.value(QStringLiteral("window_end")).toDouble());
    if (state.value(QStringLiteral("complete")).toBool() && end > 0)
        return QDateTime::fromMSecsSinceEpoch(end, QTimeZone::utc());
    const qint64 start = qint64(state.value(QStringLiteral("window_start")).toDouble());
    if (start > 0)
        return QDateTime::fromMSecsSinceEpoch(start, QTimeZone::utc());
    return config.start.isValid() ? config.start.toUTC() : QDateTime::currentDateTimeUtc().addDays(-90);
}

QString PullRunner::where() const
{
    return tr("Connector \"%1\", page %2 (%3)")
        .arg(m_config.name)
        .arg(m_report.pages + 1)
        .arg(m_currentUrl.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo));
}

bool PullRunner::streamsLines() const
{
    return m_config.kind == ConnectorConfig::Kind::Mixpanel;
}

void PullRunner::start()
{
    m_report = Report {};
    m_report.connector = m_config.name;
    m_cancelled = m_failed = false;
    m_seen.clear();
    SourceStore sources(m_db);
    if (Status registered
        = sources.ensure(m_config.name, ConnectorConfig::kindName(m_config.kind), m_config.toJson());
        !registered) {
        QMetaObject::invokeMethod(
            this, [this, e = registered.error()] { fail(e); }, Qt::QueuedConnection);
        return;
    }
    const Result<QJsonObject> state = sources.state(m_config.name);
    if (!state) {
        QMetaObject::invokeMethod(
            this, [this, e = state.error()] { fail(e); }, Qt::QueuedConnection);
        return;
    }
    // An interrupted run (not complete) resumes its window at the page it had reached.
    const bool resume = !state->isEmpty() && !state->value(QStringLiteral("complete")).toBool(true);
    m_since = nextSince(*state, m_config);
    if (resume) {
        m_until = QDateTime::fromMSecsSinceEpoch(
            qint64(state->value(QStringLiteral("window_end")).toDouble()), QTimeZone::utc());
        m_cursor = state->value(QStringLiteral("cursor")).toString();
        m_nextUrl = state->value(QStringLiteral("next_url")).toString();
        m_pageNumber = state->value(QStringLiteral("page")).toInt(1);
        m_report.resumed = true;
    } else {
        m_until = m_fixedUntil.isValid() ? m_fixedUntil.toUTC() : QDateTime::currentDateTimeUtc();
        m_cursor.clear();
        m_nextUrl.clear();
        m_pageNumber = 1;
    }
    m_report.since = m_since;
    m_report.until = m_until;
    if (m_config.kind == ConnectorConfig::Kind::Segment) {
        Result<QHash<QString, QString>> users
            = AccountKeyStore(m_db).load(QStringLiteral("user:") + m_config.name);
        if (users)
            m_decoder.setUserAccounts(std::move(users).value());
    }
    m_running = true;
    m_attempt = 0;
    QMetaObject::invokeMethod(this, &PullRunner::sendRequest, Qt::QueuedConnection);
}

void PullRunner::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_retryTimer.stop();
    if (m_reply)
        m_reply->abort(); // onFinished sees m_cancelled
    else
        finish();
}

Result<PullRunner::Report> PullRunner::runToEnd()
{
    QEventLoop loop;
    std::optional<Result<Report>> outcome;
    const auto done = connect(this, &PullRunner::finished, &loop, [&](const Report& report) {
        outcome = report;
        loop.quit();
    });
    const auto error = connect(this, &PullRunner::failed, &loop, [&](const QString& message) {
        outcome = Error { message };
        loop.quit();
    });
    start();
    if (!outcome)
        loop.exec();
    disconnect(done);
    disconnect(error);
    return *outcome;
}

QUrl PullRunner::pageUrl() const
{
    if (!m_nextUrl.isEmpty())
        return m_currentUrl.isValid() ? m_currentUrl.resolved(QUrl(m_nextUrl)) : QUrl(m_nextUrl);
    QString url = m_config.url;
    const auto fill = [&url](const char* name, const QString& value) {
        url.replace(QLatin1Char('{') + QLatin1String(name) + QLatin1Char('}'),
                    QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    fill("since", isoUtc(m_since));
    fill("until", isoUtc(m_until));
    fill("since_date", m_since.toUTC().date().toString(Qt::ISODate));
    fill("until_date", m_until.toUTC().date().toString(Qt::ISODate));
    fill("since_s", QString::number(m_since.toSecsSinceEpoch()));
    fill("until_s", QString::number(m_until.toSecsSinceEpoch()));
    fill("cursor", m_cursor);
    fill("page", QString::number(m_pageNumber));
    fill("page_size", QString::number(m_config.pageSize));
    return QUrl(url);
}

void PullRunner::sendRequest()
{
    if (m_cancelled) {
        finish();
        return;
    }
    m_currentUrl = pageUrl();
    QNetworkRequest request(m_currentUrl);
    request.setTransferTimeout(m_config.timeoutSeconds * 1000);
    request.setMaximumRedirectsAllowed(10);
    request.setRawHeader("Accept",
                         streamsLines() ? "application/x-ndjson, application/json" : "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Tenure"));
    switch (m_config.auth) {
    case ConnectorConfig::Auth::None:
        break;
    case ConnectorConfig::Auth::Bearer:
        request.setRawHeader("Authorization", "Bearer " + m_secret.toUtf8());
        break;
    case ConnectorConfig::Auth::Basic:
        request.setRawHeader("Authorization",
                             "Basic " + (m_config.username + u':' + m_secret).toUtf8().toBase64());
        break;
    case ConnectorConfig::Auth::ApiKeyHeader:
        request.setRawHeader(m_config.apiKeyHeader.toLatin1(), m_secret.toUtf8());
        break;
    }
    m_reply = m_network->get(request);
    if (streamsLines()) {
        // Back-pressure: Qt stops reading the socket (or file) while this much waits unread, so a
        // multi-gigabyte export streams through bounded memory.
        m_reply->setReadBufferSize(kLineBatchBytes);
        m_lines->start(m_reply);
        connect(m_reply, &QNetworkReply::readyRead, this, &PullRunner::onReadyRead);
    }
    connect(m_reply, &QNetworkReply::finished, this, &PullRunner::onFinished);
}

void PullRunner::onReadyRead()
{
    // JSON lines are decoded and stored as they arrive, in batches, so a large export never sits
    // in memory whole. Only a successful response is read this way.
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_failed || m_cancelled || (status != 200 && status != 0))
        return;
    m_lines->poke();
}

void PullRunner::storeStreamed(const DecodedPage& page, bool last)
{
    if (m_failed || m_cancelled)
        return;
    // Mid-stream batches leave the window open; the last one closes it.
    if (!store(page, stateWith(last)))
        return;
    emit progress(m_report.pages + 1, m_report.inserted);
    if (!last && m_maxPages > 0) {
        cancel(); // a trial: one batch is enough
        return;
    }
    if (last) {
        if (m_drainingReply)
            m_drainingReply->deleteLater();
        ++m_report.pages;
        m_attempt = 0;
        finish();
    }
}

void PullRunner::onFinished()
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    bool keepReply = false; // a JSON-lines reply stays until the pipeline has read it all
    const auto dispose = qScopeGuard([&] {
        if (!keepReply)
            reply->deleteLater();
    });
    if (m_cancelled) {
        finish();
        return;
    }
    if (m_failed)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    const QString context = where();

    switch (error) {
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        fail(tr("%1: redirect loop: more than 10 redirects, or a redirect to a less secure address (%2)")
                 .arg(context, errorText(reply)));
        return;
    case QNetworkReply::SslHandshakeFailedError:
        fail(tr("%1: TLS error: %2").arg(context, errorText(reply)));
        return;
    default:
        break;
    }
    if (status == 401 || status == 403) {
        fail(tr("%1: HTTP %2: the server refused the credentials; check the connector's token "
                "(tenure-cli connector secret %3, or %4)")
                 .arg(context)
                 .arg(status)
                 .arg(m_config.name, SecretStore::environmentVariable(m_config.name)));
        return;
    }
    if (status == 429) {
        const QByteArray header = reply->rawHeader("Retry-After").trimmed();
        int seconds = -1;
        bool numeric = false;
        const int value = header.toInt(&numeric);
        if (numeric) {
            seconds = value;
        } else if (!header.isEmpty()) {
            const QDateTime at = QDateTime::fromString(QString::fromLatin1(header), Qt::RFC2822Date);
            if (at.isValid())
                seconds = int(std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(at)));
        }
        if (seconds > kMaxRetryAfterSeconds) {
            fail(tr("%1: HTTP 429: the server asks to wait %2 s (more than %3 s); try again later")
                     .arg(context)
                     .arg(seconds)
                     .arg(kMaxRetryAfterSeconds));
            return;
        }
        retryLater(seconds >= 0 ? seconds * 1000 : -1, tr("HTTP 429 (rate limited)"));
        return;
    }
    if (status >= 500) {
        retryLater(-1, tr("HTTP %1").arg(status));
        return;
    }
    if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        retryLater(-1, tr("no answer within %1 s").arg(m_config.timeoutSeconds));
        return;
    }
    if (status >= 400) {
        const QString body = withoutSecrets(QString::fromUtf8(reply->read(300)).simplified());
        fail(tr("%1: HTTP %2: %3").arg(context).arg(status).arg(body.isEmpty() ? errorText(reply) : body));
        return;
    }
    if (error != QNetworkReply::NoError) {
        switch (error) {
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::RemoteHostClosedError:
        case QNetworkReply::HostNotFoundError:
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::NetworkSessionFailedError:
        case QNetworkReply::ProxyConnectionClosedError:
        case QNetworkReply::ProxyTimeoutError:
        case QNetworkReply::UnknownNetworkError:
        case QNetworkReply::ProtocolFailure:
            retryLater(-1, errorText(reply));
            return;
        default:
            fail(tr("%1: %2").arg(context, errorText(reply)));
            return;
        }
    }

    // A whole, successful response.
    if (streamsLines()) {
        // The reply stays readable until deleted (deleteLater): the pipeline drains it in batches,
        // and storeStreamed() finishes the run with the last one.
        keepReply = true;
        m_drainingReply = reply;
        m_lines->finishInput();
        return;
    }
    const QByteArray body = reply->readAll();
    Result<DecodedPage> page = m_decoder.decodeDocument(body);
    if (!page) {
        fail(tr("%1: %2").arg(context, page.error()));
        return;
    }
    // Where the next page is, and whether this was the last.
    QString next;
    bool last = true;
    switch (m_config.paging) {
    case ConnectorConfig::Paging::None:
        break;
    case ConnectorConfig::Paging::Cursor:
        next = page->nextCursor;
        last = next.isEmpty() || page->records == 0;
        break;
    case ConnectorConfig::Paging::NextLink:
        next = page->nextLink;
        last = next.isEmpty();
        break;
    case ConnectorConfig::Paging::PageNumber:
        last = page->records < m_config.pageSize;
        break;
    case ConnectorConfig::Paging::LinkHeader:
        next = nextFromLinkHeader(reply->rawHeader("Link"));
        last = next.isEmpty();
        break;
    }
    if (!last && !next.isEmpty()) {
        if (m_seen.contains(next)) {
            fail(tr("%1: paging loop: the server pointed to \"%2\" again; stopping instead of reading the "
                    "same pages "
                    "forever")
                     .arg(context, next));
            return;
        }
        m_seen.insert(next);
    }
    const QString previousCursor = m_cursor;
    const QString previousNext = m_nextUrl;
    const int previousPage = m_pageNumber;
    if (!last) {
        if (m_config.paging == ConnectorConfig::Paging::Cursor)
            m_cursor = next;
        else if (m_config.paging == ConnectorConfig::Paging::PageNumber)
            ++m_pageNumber;
        else
            m_nextUrl = m_currentUrl.resolved(QUrl(next)).toString();
    }
    if (!store(*page, stateWith(last))) {
        m_cursor = previousCursor;
        m_nextUrl = previousNext;
        m_pageNumber = previousPage;
        return;
    }
    ++m_report.pages;
    m_attempt = 0;
    emit progress(m_report.pages, m_report.inserted);
    if (last || (m_maxPages > 0 && m_report.pages >= m_maxPages))
        finish();
    else
        sendRequest();
}

QJsonObject PullRunner::stateWith(bool complete) const
{
    QJsonObject state { { QStringLiteral("window_start"), double(m_since.toMSecsSinceEpoch()) },
                        { QStringLiteral("window_end"), double(m_until.toMSecsSinceEpoch()) },
                        { QStringLiteral("complete"), complete } };
    if (!complete) {
        state.insert(QStringLiteral("cursor"), m_cursor);
        state.insert(QStringLiteral("next_url"), m_nextUrl);
        state.insert(QStringLiteral("page"), m_pageNumber);
    }
    return state;
}

bool PullRunner::store(const DecodedPage& page, const QJsonObject& state)
{
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        fail(tr("%1: %2").arg(where(), transaction.startError()));
        return false;
    }
    const Result<EventLog::AppendResult> appended = EventLog(m_db).append(page.events);
    if (!appended) {
        fail(tr("%1: %2").arg(where(), appended.error()));
        return false;
    }
    // Outcome events (a churn, a renewal) also become outcomes of their account, in the same
    // transaction: the event stays in the log, the outcome feeds stages and backtests.
    QStringList outcomeRejections;
    qint64 outcomesAdded = 0;
    if (!m_config.outcomeEvents.isEmpty()) {
        QHash<QByteArray, Outcome::Kind> kindOf;
        for (auto it = m_config.outcomeEvents.cbegin(); it != m_config.outcomeEvents.cend(); ++it)
            for (const QString& name : it.value())
                kindOf.insert(name.toUtf8(), *Outcome::kindFromName(it.key()));
        const QTimeZone zone = WorkspaceSettings(m_db).timeZone();
        AccountStore accounts(m_db);
        QList<Outcome> outcomes;
        for (const EncodedEvent& event : page.events) {
            const auto kind = kindOf.constFind(event.name);
            if (kind == kindOf.constEnd())
                continue;
            Outcome outcome;
            outcome.accountId = QString::fromUtf8(event.accountId);
            if (!accounts.find(outcome.accountId)) {
                outcomeRejections
                    << tr("event %1: an outcome (%2) for account \"%3\", which is not in this workspace "
                          "(import the accounts first); the event itself was kept")
                           .arg(QString::fromUtf8(event.externalId), Outcome::label(*kind),
                                outcome.accountId);
                continue;
            }
            outcome.kind = *kind;
            outcome.date = QDateTime::fromMSecsSinceEpoch(event.occurredAt, zone).date();
            outcome.note = QString::fromUtf8(event.name);
            outcome.source = m_config.name;
            outcome.externalId = QString::fromUtf8(event.externalId);
            outcomes << outcome;
        }
        if (!outcomes.isEmpty()) {
            const Result<AccountStore::OutcomeCounts> added = accounts.addOutcomes(outcomes);
            if (!added) {
                fail(tr("%1: %2").arg(where(), added.error()));
                return false;
            }
            outcomesAdded = added->inserted;
        }
    }
    if (!page.userAccounts.isEmpty()) {
        const Result<AccountKeyStore::Counts> users = AccountKeyStore(m_db).upsert(
            QStringLiteral("user:") + m_config.name, page.userAccounts, m_config.name);
        if (!users) {
            fail(tr("%1: %2").arg(where(), users.error()));
            return false;
        }
    }
    if (Status saved = SourceStore(m_db).setState(m_config.name, state); !saved) {
        fail(tr("%1: %2").arg(where(), saved.error()));
        return false;
    }
    if (Status committed = transaction.commit(); !committed) {
        fail(tr("%1: %2").arg(where(), committed.error()));
        return false;
    }
    m_report.records += page.records;
    m_report.inserted += appended->inserted;
    m_report.duplicates += appended->duplicates;
    m_report.outcomes += outcomesAdded;
    for (const QString& reason : std::as_const(outcomeRejections))
        if (m_report.rejections.size() < kMaxReportedRejections)
            m_report.rejections.append(reason);
    m_report.ignored += page.ignored;
    m_report.rejected += page.rejected.size() + appended->rejected.size();
    for (const QString& reason : page.rejected)
        if (m_report.rejections.size() < kMaxReportedRejections)
            m_report.rejections.append(reason);
    for (const EventLog::Rejection& rejection : appended->rejected)
        if (m_report.rejections.size() < kMaxReportedRejections)
            m_report.rejections.append(
                tr("event %1: %2")
                    .arg(QString::fromUtf8(page.events[rejection.index].externalId), rejection.reason));
    return true;
}

void PullRunner::retryLater(int delayMs, const QString& cause)
{
    if (m_attempt >= m_config.maxRetries) {
        fail(tr("%1: gave up after %2 attempts; the last said: %3")
                 .arg(where())
                 .arg(m_attempt + 1)
                 .arg(cause));
        return;
    }
    ++m_attempt;
    ++m_report.retries;
    if (delayMs < 0) {
        // Exponential backoff with full jitter on top: base·2^(n-1) + [0, base).
        const qint64 backoff = qint64(m_retryBaseMs) << std::min(m_attempt - 1, 16);
        delayMs = int(std::min<qint64>(backoff + m_jitter.bounded(std::max(1, m_retryBaseMs)), 60000));
    }
    m_retryTimer.start(delayMs);
}

void PullRunner::fail(const QString& cause)
{
    m_failed = true;
    m_running = false;
    m_retryTimer.stop();
    emit failed(cause);
}

void PullRunner::finish()
{
    m_running = false;
    m_report.cancelled = m_cancelled;
    emit finished(m_report);
}

} // namespace tenure
