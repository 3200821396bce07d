#include "ingest/connectors/JsonLinesPipeline.h"

#include <QIODevice>

#include <memory>

namespace tenure {

JsonLinesPipeline::JsonLinesPipeline(ConnectorConfig config, qsizetype batchBytes, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_batchBytes(batchBytes)
{
}

JsonLinesPipeline::~JsonLinesPipeline()
{
    // The task posts its result to this object: let it finish first; Qt then drops the post.
    if (m_task.valid())
        m_task.wait();
}

void JsonLinesPipeline::start(QIODevice* device)
{
    ++m_generation; // a decode in flight reports to an older generation and is dropped
    m_device = device;
    m_buffer.clear();
    m_start = 0;
    m_nextLine = 1;
    m_inputDone = false;
    m_lastLaunched = false;
    m_decoding = false;
}

void JsonLinesPipeline::finishInput()
{
    m_inputDone = true;
    launchIfReady();
}

void JsonLinesPipeline::launchIfReady()
{
    if (m_decoding || m_lastLaunched)
        return;
    // Top the buffer up to one batch from the device.
    if (m_start > 0 && m_start >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_start);
        m_start = 0;
    }
    const qsizetype wanted = m_batchBytes - (m_buffer.size() - m_start);
    if (m_device && wanted > 0 && m_device->bytesAvailable() > 0)
        m_buffer += m_device->read(wanted);
    const bool drained = m_inputDone && (!m_device || m_device->bytesAvailable() == 0);

    qsizetype end;
    if (drained) {
        end = m_buffer.size();
    } else if (m_buffer.size() - m_start >= m_batchBytes) {
        end = m_buffer.lastIndexOf('\n') + 1;
        if (end <= m_start)
            end = -1; // one line longer than a batch: read on until it ends
    } else {
        return;
    }
    if (end < 0) {
        if (m_device && m_device->bytesAvailable() > 0) {
            m_buffer += m_device->readAll();
            launchIfReady();
        }
        return;
    }
    QByteArray batch = m_buffer.mid(m_start, end - m_start);
    m_start = end;
    const qint64 firstLine = m_nextLine;
    m_nextLine += batch.count('\n');
    m_decoding = true;
    m_lastLaunched = drained;
    const bool last = drained;
    const int generation = m_generation;
    if (m_task.valid())
        m_task.wait(); // the previous task has posted its result already: this returns at once
    m_task = std::async(
        std::launch::async, [this, config = m_config, batch = std::move(batch), firstLine, last, generation] {
            PageDecoder decoder(config);
            auto result = std::make_shared<Result<DecodedPage>>(decoder.decodeLines(batch, firstLine));
            // Back on the owner's thread.
            QMetaObject::invokeMethod(
                this,
                [this, result, last, generation] {
                    if (generation != m_generation)
                        return;
                    m_decoding = false;
                    if (!*result) {
                        ++m_generation;
                        emit failed(result->error());
                        return;
                    }
                    // Start the next batch first, so that it decodes while this one is stored.
                    launchIfReady();
                    emit decoded(result->value(), last);
                },
                Qt::QueuedConnection);
        });
}

} // namespace tenure
