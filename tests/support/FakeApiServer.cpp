#include "FakeApiServer.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace tenure::test {

FakeApiServer::FakeApiServer(Handler handler, QObject* parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeApiServer::onConnection);
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        qFatal("FakeApiServer cannot listen: %s", qPrintable(m_server.errorString()));
}

QUrl FakeApiServer::url(const QString& pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(pathAndQuery));
}

FakeApiServer::Response FakeApiServer::json(const QByteArray& body, int status)
{
    Response response;
    response.status = status;
    response.body = body;
    response.headers.emplace_back("Content-Type", "application/json");
    return response;
}

void FakeApiServer::onConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            // Keep-alive: several requests may come over one connection, one at a time.
            for (;;) {
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                buffer->remove(0, end + 4);
                Request request;
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                request.method = first.value(0);
                const QUrl target(QString::fromLatin1(first.value(1)));
                request.path = target.path();
                request.query = QUrlQuery(target);
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines[i].indexOf(':');
                    if (colon > 0)
                        request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                               lines[i].mid(colon + 1).trimmed());
                }
                m_requests.append(request);
                const Response response = m_handler(request);
                QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
                head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
                for (const auto& [name, value] : response.headers)
                    head += name + ": " + value + "\r\n";
                head += "\r\n";
                QPointer<QTcpSocket> guarded(socket);
                auto send = [guarded, head, response] {
                    if (!guarded)
                        return;
                    if (response.truncateAt >= 0) {
                        guarded->write(head + response.body.left(response.truncateAt));
                        guarded->flush();
                        guarded->disconnectFromHost();
                        return;
                    }
                    guarded->write(head + response.body);
                };
                if (response.delayMs > 0)
                    QTimer::singleShot(response.delayMs, socket, send);
                else
                    send();
            }
        });
    }
}

} // namespace tenure::test
