#include "ingest/RowProducer.h"

namespace tenure {

RowProducer::RowProducer(CsvReader& reader, RowConverter& converter, ImportMapping::Kind kind, int chunkRows)
    : m_reader(reader)
    , m_converter(converter)
    , m_kind(kind)
    , m_chunkRows(chunkRows)
{
}

RowProducer::~RowProducer()
{
    stop();
    if (m_thread.joinable())
        m_thread.join();
}

void RowProducer::start()
{
    m_thread = std::thread([this] { run(); });
}

void RowProducer::stop()
{
    std::lock_guard lock(m_mutex);
    m_stopping = true;
    m_changed.notify_all();
}

bool RowProducer::next(RowChunk& chunk)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.empty() || m_done; });
    if (m_ready.empty())
        return false;
    chunk = std::move(m_ready.front());
    m_ready.pop_front();
    m_changed.notify_all();
    return true;
}

void RowProducer::run()
{
    CsvRecord record;
    bool more = true;
    while (more) {
        RowChunk chunk;
        while (chunk.rows < m_chunkRows && (more = m_reader.next(record))) {
            ++chunk.rows;
            if (!m_converter.selected(record)) {
                ++chunk.leftOut;
                continue;
            }
            RowError error;
            bool ok = false;
            switch (m_kind) {
            case ImportMapping::Kind::Events:
                if (std::optional<EncodedEvent> event = m_converter.event(record, error)) {
                    chunk.events.append(std::move(*event));
                    ok = true;
                }
                break;
            case ImportMapping::Kind::Accounts:
                if (std::optional<Account> account = m_converter.account(record, error)) {
                    if (m_converter.currencyAssumed() && chunk.currencyAssumed++ == 0)
                        chunk.firstCurrencyAssumedLine = record.line;
                    chunk.accounts.append(std::move(*account));
                    ok = true;
                }
                break;
            case ImportMapping::Kind::Outcomes:
                if (std::optional<Outcome> outcome = m_converter.outcome(record, error)) {
                    chunk.outcomes.append(std::move(*outcome));
                    ok = true;
                }
                break;
            case ImportMapping::Kind::Keys:
                if (std::optional<AccountKeyStore::Entry> key = m_converter.key(record, error)) {
                    chunk.keys.append(std::move(*key));
                    ok = true;
                }
                break;
            }
            if (ok)
                chunk.lines.append(record.line);
            else
                chunk.errors.append(std::move(error));
        }
        chunk.bytesRead = m_reader.bytesRead();
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_ready.size() < kMaxWaiting || m_stopping; });
        if (m_stopping)
            break;
        m_ready.push_back(std::move(chunk));
        m_changed.notify_all();
    }
    std::lock_guard lock(m_mutex);
    m_done = true;
    m_changed.notify_all();
}

} // namespace tenure
