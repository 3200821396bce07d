#include "ingest/connectors/PageDecoder.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QTimeZone>

#include <charconv>
#include <cmath>
#include <cstring>
#include <simdjson.h>

namespace tenure {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// "properties.$insert_id" → "/properties/$insert_id" (RFC 6901 escapes for ~ and /).
std::string pointerOf(const QString& path)
{
    if (path.isEmpty())
        return {};
    std::string pointer;
    for (const QString& part : path.split(u'.')) {
        pointer += '/';
        for (QChar c : part) {
            if (c == u'~')
                pointer += "~0";
            else if (c == u'/')
                pointer += "~1";
            else
                pointer += QString(c).toStdString();
        }
    }
    return pointer;
}

// A scalar as UTF-8 text: strings as they are, numbers and booleans as JSON writes them.
QByteArray bytesOf(element value)
{
    switch (value.type()) {
    case element_type::STRING: {
        const std::string_view view = value.get_string().value_unsafe();
        return QByteArray(view.data(), qsizetype(view.size()));
    }
    case element_type::INT64:
        return QByteArray::number(value.get_int64().value_unsafe());
    case element_type::UINT64:
        return QByteArray::number(value.get_uint64().value_unsafe());
    case element_type::DOUBLE:
        return QByteArray::number(value.get_double().value_unsafe(), 'g', 17);
    case element_type::BOOL:
        return value.get_bool().value_unsafe() ? QByteArray("true") : QByteArray("false");
    default:
        return {};
    }
}

QString textOf(element value)
{
    return QString::fromUtf8(bytesOf(value));
}

// Copies small strings into large blocks and hands out views of them: decoding a batch of JSON
// lines then costs a few allocations instead of several per event.
class ByteArena
{
public:
    explicit ByteArena(QList<QByteArray>& blocks)
        : m_blocks(blocks)
    {
    }

    QByteArray copy(const char* data, qsizetype size)
    {
        if (size == 0)
            return QByteArray("", 0);
        if (size > m_left) {
            const qsizetype block = std::max<qsizetype>(size, 1 << 20);
            m_blocks.append(QByteArray(block, Qt::Uninitialized));
            m_next = m_blocks.last().data(); // the block is not shared yet: no copy
            m_left = block;
        }
        std::memcpy(m_next, data, size_t(size));
        const QByteArray view = QByteArray::fromRawData(m_next, size);
        m_next += size;
        m_left -= size;
        return view;
    }

private:
    QList<QByteArray>& m_blocks;
    char* m_next = nullptr;
    qsizetype m_left = 0;
};

// A scalar as UTF-8 text in the arena.
QByteArray bytesOf(element value, ByteArena& arena)
{
    char buffer[32];
    switch (value.type()) {
    case element_type::STRING: {
        const std::string_view view = value.get_string().value_unsafe();
        return arena.copy(view.data(), qsizetype(view.size()));
    }
    case element_type::INT64: {
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, value.get_int64().value_unsafe()).ptr;
        return arena.copy(buffer, end - buffer);
    }
    case element_type::UINT64: {
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, value.get_uint64().value_unsafe()).ptr;
        return arena.copy(buffer, end - buffer);
    }
    default: {
        const QByteArray text = bytesOf(value);
        return arena.copy(text.constData(), text.size());
    }
    }
}

} // namespace

struct PageDecoder::Impl
{
    ConnectorConfig config;
    QByteArray sourceName; // shared by every event of the connector
    simdjson::dom::parser parser;
    std::string account, user, name, time, id, quantity, properties, records, cursor, next;
    std::string groupId = "/context/groupId";

    explicit Impl(ConnectorConfig c)
        : config(std::move(c))
        , sourceName(config.name.toUtf8())
        , account(pointerOf(config.accountPath))
        , user(pointerOf(config.userPath))
        , name(pointerOf(config.namePath))
        , time(pointerOf(config.timePath))
        , id(pointerOf(config.idPath))
        , quantity(pointerOf(config.quantityPath))
        , properties(pointerOf(config.propertiesPath))
        , records(pointerOf(config.recordsPath))
        , cursor(pointerOf(config.cursorPath))
        , next(pointerOf(config.nextPath))
    {
    }

    std::optional<element> at(element record, const std::string& pointer) const
    {
        if (pointer.empty())
            return std::nullopt;
        auto found = record.at_pointer(pointer);
        if (found.error() || found.value_unsafe().is_null())
            return std::nullopt;
        return found.value_unsafe();
    }

    QString text(element record, const std::string& pointer) const
    {
        const std::optional<element> value = at(record, pointer);
        return value ? textOf(*value) : QString();
    }

    QByteArray bytes(element record, const std::string& pointer) const
    {
        const std::optional<element> value = at(record, pointer);
        return value ? bytesOf(*value, *arena) : QByteArray();
    }

    ByteArena* arena = nullptr; // the page being decoded

    std::optional<qint64> timeOf(element record) const
    {
        const std::optional<element> value = at(record, time);
        if (!value)
            return std::nullopt;
        const ConnectorConfig::TimeFormat format = config.timeFormat;
        if (value->is_number()) {
            const double number = value->get_double().value_unsafe();
            if (!std::isfinite(number))
                return std::nullopt;
            const bool millis = format == ConnectorConfig::TimeFormat::EpochMillis
                || (format == ConnectorConfig::TimeFormat::Auto && number > 1e11);
            return qint64(std::llround(millis ? number : number * 1000));
        }
        const QString s = textOf(*value);
        bool isNumber = false;
        const qint64 n = s.toLongLong(&isNumber);
        if (isNumber)
            return format == ConnectorConfig::TimeFormat::EpochMillis
                    || (format == ConnectorConfig::TimeFormat::Auto && n > 100000000000LL)
                ? n
                : n * 1000;
        QDateTime parsed = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!parsed.isValid())
            return std::nullopt;
        if (parsed.timeSpec() == Qt::LocalTime)
            parsed.setTimeZone(QTimeZone::utc()); // an API time without a zone is UTC
        return parsed.toMSecsSinceEpoch();
    }

    // Converts one record; false with a reason when it cannot be an event.
    bool toEvent(element record, EncodedEvent& event, QString& reason,
                 const QHash<QString, QString>& users) const
    {
        event.source = sourceName;
        event.accountId = bytes(record, account);
        event.userId = bytes(record, user);
        if (event.accountId.isEmpty() && config.kind == ConnectorConfig::Kind::Segment) {
            for (const char* fallback : { "/properties/groupId", "/groupId" }) {
                event.accountId = bytes(record, fallback);
                if (!event.accountId.isEmpty())
                    break;
            }
            if (event.accountId.isEmpty()) {
                const QByteArray mapped = users.value(QString::fromUtf8(event.userId)).toUtf8();
                event.accountId = arena->copy(mapped.constData(), mapped.size());
            }
        }
        if (event.accountId.isEmpty()) {
            reason = tr("no account at %1").arg(config.accountPath);
            return false;
        }
        event.name = bytes(record, name);
        if (event.name.isEmpty() && config.kind == ConnectorConfig::Kind::Segment) {
            // page and screen calls have no event name: Segment's own tables call them so.
            const QString type = text(record, "/type");
            if (type == QLatin1String("page"))
                event.name = QByteArrayLiteral("Page Viewed");
            else if (type == QLatin1String("screen"))
                event.name = QByteArrayLiteral("Screen Viewed");
        }
        if (event.name.isEmpty()) {
            reason = tr("no event name at %1").arg(config.namePath);
            return false;
        }
        const std::optional<qint64> when = timeOf(record);
        if (!when) {
            reason = tr("no readable time at %1 (expected ISO 8601 or epoch seconds/milliseconds)")
                         .arg(config.timePath);
            return false;
        }
        event.occurredAt = *when;
        event.quantity = 1;
        if (const std::optional<element> q = at(record, quantity)) {
            if (!q->is_number()) {
                reason = tr("quantity at %1 is not a number").arg(config.quantityPath);
                return false;
            }
            event.quantity = q->get_double().value_unsafe();
        }
        std::optional<element> props
            = properties.empty() ? std::optional<element>(record) : at(record, properties);
        event.properties.clear();
        std::string compact;
        if (props && props->is_object()) {
            compact = simdjson::minify(*props);
            event.properties = arena->copy(compact.data(), qsizetype(compact.size()));
        }
        event.externalId = bytes(record, id);
        if (event.externalId.isEmpty()) {
            // No id from the source: the record's content identifies it, so a re-pull adds nothing.
            const std::string whole = simdjson::minify(record);
            const QByteArray hashed = "h:"
                + QCryptographicHash::hash(QByteArrayView(whole.data(), qsizetype(whole.size())),
                                           QCryptographicHash::Sha1)
                      .toHex();
            event.externalId = arena->copy(hashed.constData(), hashed.size());
        }
        return true;
    }

    // One record of any kind into the page.
    // `number` is the record's index in a document, or its line in JSON lines.
    void add(element record, DecodedPage& page, qint64 number, bool isLine,
             QHash<QString, QString>& users) const
    {
        ++page.records;
        if (config.kind == ConnectorConfig::Kind::Segment) {
            const QString type = text(record, "/type");
            if (type == QLatin1String("group")) {
                const QString userId = text(record, "/userId");
                const QString group = text(record, "/groupId");
                if (!userId.isEmpty() && !group.isEmpty()) {
                    users.insert(userId, group);
                    page.userAccounts.append({ userId, group });
                }
                ++page.ignored;
                return;
            }
            if (type == QLatin1String("identify") || type == QLatin1String("alias")) {
                ++page.ignored;
                return;
            }
        }
        EncodedEvent event;
        QString reason;
        if (toEvent(record, event, reason, users))
            page.events.append(std::move(event));
        else
            page.rejected.append((isLine ? tr("line %1: %2") : tr("record %1: %2")).arg(number).arg(reason));
    }
};

PageDecoder::PageDecoder(ConnectorConfig config)
    : m_impl(std::make_unique<Impl>(std::move(config)))
{
}

PageDecoder::~PageDecoder() = default;

Result<DecodedPage> PageDecoder::decodeDocument(const QByteArray& body)
{
    element root;
    if (const auto error = m_impl->parser.parse(body.constData(), size_t(body.size())).get(root))
        return Error { tr("the response is not valid JSON (%1); %2 bytes received")
                           .arg(QString::fromUtf8(simdjson::error_message(error)))
                           .arg(body.size()) };
    DecodedPage page;
    ByteArena arena(page.storage);
    m_impl->arena = &arena;
    element list = root;
    if (!m_impl->records.empty()) {
        auto found = root.at_pointer(m_impl->records);
        if (found.error())
            return Error { tr("the response has no %1 (the records path)").arg(m_impl->config.recordsPath) };
        list = found.value_unsafe();
    } else if (root.is_object() && m_impl->config.kind == ConnectorConfig::Kind::Segment) {
        auto batch = root.at_key("batch");
        if (!batch.error())
            list = batch.value_unsafe();
    }
    simdjson::dom::array records;
    if (list.get_array().get(records))
        return Error { tr("expected an array of records at %1")
                           .arg(m_impl->config.recordsPath.isEmpty() ? tr("the top level")
                                                                     : m_impl->config.recordsPath) };
    // Segment: group calls first, so a track call later in the same page finds its account.
    if (m_impl->config.kind == ConnectorConfig::Kind::Segment) {
        for (element record : records)
            if (m_impl->text(record, "/type") == QLatin1String("group")) {
                const QString userId = m_impl->text(record, "/userId");
                const QString group = m_impl->text(record, "/groupId");
                if (!userId.isEmpty() && !group.isEmpty())
                    m_users.insert(userId, group);
            }
    }
    qsizetype index = 0;
    for (element record : records)
        m_impl->add(record, page, index++, false, m_users);
    if (root.is_object()) {
        page.nextCursor = m_impl->cursor.empty() ? QString() : m_impl->text(root, m_impl->cursor);
        page.nextLink = m_impl->next.empty() ? QString() : m_impl->text(root, m_impl->next);
    }
    return page;
}

Result<DecodedPage> PageDecoder::decodeLines(const QByteArray& lines, qint64 firstLine)
{
    DecodedPage page;
    ByteArena arena(page.storage);
    m_impl->arena = &arena;
    qint64 line = firstLine;
    qsizetype start = 0;
    while (start < lines.size()) {
        qsizetype end = lines.indexOf('\n', start);
        if (end < 0)
            end = lines.size();
        const char* data = lines.constData() + start;
        size_t length = size_t(end - start);
        while (length > 0 && (data[length - 1] == '\r' || data[length - 1] == ' '))
            --length;
        if (length > 0) {
            element record;
            if (const auto error = m_impl->parser.parse(data, length).get(record))
                return Error { tr("line %1 is not valid JSON (%2)")
                                   .arg(line)
                                   .arg(QString::fromUtf8(simdjson::error_message(error))) };
            if (!record.is_object())
                return Error { tr("line %1: expected a JSON object").arg(line) };
            m_impl->add(record, page, line, true, m_users);
        }
        ++line;
        start = end + 1;
    }
    return page;
}

} // namespace tenure
