#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace tenure::test {

// A small HTTP/1.1 server on 127.0.0.1 for connector tests: each request goes to a handler that
// the test writes, which can answer with any status, headers and body, slowly, or cut short.
class FakeApiServer : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QHash<QByteArray, QByteArray> headers; // lower-case names
    };
    struct Response
    {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int delayMs = 0; // wait before answering (a slow page)
        qsizetype truncateAt = -1; // send only this many body bytes, then close (Content-Length stays whole)
    };
    using Handler = std::function<Response(const Request&)>;

    explicit FakeApiServer(Handler handler, QObject* parent = nullptr);
    QUrl url(const QString& pathAndQuery) const;
    const QList<Request>& requests() const { return m_requests; }
    static Response json(const QByteArray& body, int status = 200);

private:
    void onConnection();

    QTcpServer m_server;
    Handler m_handler;
    QList<Request> m_requests;
};

} // namespace tenure::test
