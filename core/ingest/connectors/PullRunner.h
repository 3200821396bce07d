#pragma once

#include "ingest/connectors/ConnectorConfig.h"
#include "ingest/connectors/JsonLinesPipeline.h"
#include "ingest/connectors/PageDecoder.h"
#include "util/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QTimeZone>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace tenure {

class Database;

// Pulls one connector's new events into the log: requests pages over HTTP(S) (or file:// URLs),
// decodes them and appends each page together with the connector's cursor in one transaction,
// so a kill at any moment resumes where the last committed page ended, without loss or
// duplicates. Faults: 429 waits as Retry-After says; 5xx, timeouts and dropped connections are
// retried with exponential backoff and jitter, a bounded number of times; 401/403, TLS errors,
// redirect loops, invalid or truncated JSON and paging loops end the run with an error naming
// the connector, the page and the cause.
//
// Asynchronous on the thread it lives on (signals); runToEnd() waits in a local event loop.
class PullRunner : public QObject
{
    Q_OBJECT

public:
    struct Report
    {
        QString connector;
        QDateTime since; // the window this run covered
        QDateTime until;
        int pages = 0;
        qint64 records = 0;
        qint64 inserted = 0;
        qint64 duplicates = 0; // already in the log (a repeated page, an overlapping window)
        qint64 rejected = 0; // records that cannot become events (reported, not silently dropped)
        qint64 ignored = 0; // messages that carry no event (Segment identify and group calls)
        qint64 outcomes = 0; // outcomes recorded from outcome events (ConnectorConfig::outcomeEvents)
        QStringList rejections; // the first 100 reasons
        int retries = 0;
        bool resumed = false; // continued an interrupted run
        bool cancelled = false;
    };

    PullRunner(Database& db, ConnectorConfig config, QObject* parent = nullptr);
    ~PullRunner() override;

    void setSecret(const QString& secret) { m_secret = secret; }
    // Base of the exponential backoff (default 1 s); tests use a shorter one.
    void setRetryBaseMs(int ms) { m_retryBaseMs = ms; }
    // The end of the window to pull (default: now).
    void setUntil(const QDateTime& until) { m_fixedUntil = until; }
    // Stop after this many pages (or, for a streamed export, the first batch); 0: no limit.
    // For trying a connector out (ConnectorProbe).
    void setMaxPages(int pages) { m_maxPages = pages; }

    void start();
    void cancel();
    Result<Report> runToEnd();

    // The connector's progress as stored: where the next run starts.
    static QDateTime nextSince(const QJsonObject& state, const ConnectorConfig& config);

signals:
    void progress(int pages, qint64 inserted);
    void finished(const tenure::PullRunner::Report& report);
    void failed(const QString& message);

private:
    QUrl pageUrl() const;
    void sendRequest();
    void onReadyRead();
    void onFinished();
    void retryLater(int delayMs, const QString& cause);
    void fail(const QString& cause);
    void finish();
    // Appends the page's events and moves the cursor in one transaction.
    bool store(const DecodedPage& page, const QJsonObject& state);
    QJsonObject stateWith(bool complete) const;
    bool streamsLines() const;
    void storeStreamed(const DecodedPage& page, bool last);
    QString where() const;

    Database& m_db;
    ConnectorConfig m_config;
    int m_maxPages = 0;
    PageDecoder m_decoder;
    QNetworkAccessManager* m_network;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QRandomGenerator m_jitter;
    QString m_secret;
    int m_retryBaseMs = 1000;
    QDateTime m_fixedUntil;

    // The run.
    QDateTime m_since;
    QDateTime m_until;
    QString m_cursor;
    QString m_nextUrl;
    int m_pageNumber = 1;
    QSet<QString> m_seen; // cursors and links of this run: a repeat is a paging loop
    int m_attempt = 0;
    QUrl m_currentUrl;
    JsonLinesPipeline* m_lines = nullptr; // for kinds that stream JSON lines
    QPointer<QNetworkReply> m_drainingReply; // finished, still being read by m_lines
    Report m_report;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_failed = false;
};

} // namespace tenure

Q_DECLARE_METATYPE(tenure::PullRunner::Report)
