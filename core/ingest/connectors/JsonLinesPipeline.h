#pragma once

#include "ingest/connectors/ConnectorConfig.h"
#include "ingest/connectors/PageDecoder.h"

#include <QObject>
#include <QPointer>

#include <future>

class QIODevice;

namespace tenure {

// Decodes a stream of JSON lines in batches on another thread while the owner's thread stores
// the previous batch: with two cores, parsing overlaps writing. It reads its device (a network
// reply) a batch at a time, so a large export streams through bounded memory. Batches come
// back in order, on the owner's thread, through decoded().
class JsonLinesPipeline : public QObject
{
    Q_OBJECT

public:
    JsonLinesPipeline(ConnectorConfig config, qsizetype batchBytes, QObject* parent = nullptr);
    ~JsonLinesPipeline() override; // waits for a decode in flight

    // A new attempt reading `device`: forgets what was buffered and drops a decode in flight.
    void start(QIODevice* device);
    // More bytes may be readable (readyRead).
    void poke() { launchIfReady(); }
    // The device will get no more bytes: what is left becomes the last batch (possibly empty).
    void finishInput();

signals:
    void decoded(const tenure::DecodedPage& page, bool last);
    void failed(const QString& message);

private:
    void launchIfReady();

    ConnectorConfig m_config;
    qsizetype m_batchBytes;
    QPointer<QIODevice> m_device;
    QByteArray m_buffer; // bytes read, from m_start on not yet decoded
    qsizetype m_start = 0;
    qint64 m_nextLine = 1;
    bool m_inputDone = false;
    bool m_lastLaunched = false;
    bool m_decoding = false;
    int m_generation = 0;
    std::future<void> m_task;
};

} // namespace tenure
