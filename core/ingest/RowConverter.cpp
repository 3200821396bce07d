#include "ingest/RowConverter.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace tenure {

QString RowError::toString(const QString& fileName) const
{
    if (column > 0)
        return RowConverter::tr("%1:%2: column %3 (%4): %5")
            .arg(fileName)
            .arg(line)
            .arg(column)
            .arg(columnName, message);
    return RowConverter::tr("%1:%2: %3").arg(fileName).arg(line).arg(message);
}

RowConverter::RowConverter(ImportMapping mapping, const QStringList& header, ValueParser parser,
                           QString source)
    : m_mapping(std::move(mapping))
    , m_header(header)
    , m_parser(std::move(parser))
    , m_source(std::move(source))
    , m_sourceUtf8(m_source.toUtf8())
{
    QSet<int> used;
    for (auto it = m_mapping.columns.constBegin(); it != m_mapping.columns.constEnd(); ++it) {
        const int index = int(header.indexOf(it.value()));
        m_index.insert(it.key(), index);
        used.insert(index);
    }
    for (auto it = m_mapping.monthsBefore.constBegin(); it != m_mapping.monthsBefore.constEnd(); ++it) {
        const int index = int(header.indexOf(it->column));
        m_index.insert(it.key(), index);
        used.insert(index);
    }
    if (!m_mapping.whenColumn.isEmpty()) {
        m_whenIndex = int(header.indexOf(m_mapping.whenColumn));
        used.insert(m_whenIndex);
    }
    if (!m_mapping.accountKeyColumn.isEmpty()) {
        m_keyIndex = int(header.indexOf(m_mapping.accountKeyColumn));
        used.insert(m_keyIndex);
    }
    for (int i = 0; i < header.size(); ++i) {
        const bool wanted = m_mapping.extra == ImportMapping::Extra::Rest
            ? !used.contains(i)
            : m_mapping.extra == ImportMapping::Extra::Listed && m_mapping.extraColumns.contains(header[i]);
        if (wanted && !header[i].isEmpty())
            m_extraIndexes.append(i);
    }
}

QStringList RowConverter::extraColumns() const
{
    QStringList columns;
    for (int index : m_extraIndexes)
        columns.append(m_header[index]);
    return columns;
}

void RowConverter::setColumnTypes(const QHash<QString, ColumnType>& types)
{
    m_extraTypes.clear();
    for (int index : std::as_const(m_extraIndexes))
        if (const auto type = types.constFind(m_header[index]); type != types.constEnd())
            m_extraTypes.insert(index, *type);
}

bool RowConverter::selected(const CsvRecord& record) const
{
    if (m_whenIndex < 0 || m_whenIndex >= record.fields.size())
        return true; // a row of the wrong width is reported as such
    const QString value = record.fields[m_whenIndex].trimmed();
    return std::any_of(m_mapping.whenIn.begin(), m_mapping.whenIn.end(), [&](const QString& wanted) {
        return value.compare(wanted, Qt::CaseInsensitive) == 0;
    });
}

bool RowConverter::dateField(const CsvRecord& record, const QString& field, QDate& date, bool& present,
                             RowError& error) const
{
    date = QDate();
    const auto derived = m_mapping.monthsBefore.constFind(field);
    if (derived != m_mapping.monthsBefore.constEnd()) {
        present = true;
        const int index = indexOf(field);
        const QString months = index < record.fields.size() ? record.fields[index].trimmed() : QString();
        if (months.isEmpty())
            return true;
        const std::optional<double> count = m_parser.number(months);
        if (!count || *count < 0 || *count != std::floor(*count) || *count > 12000) {
            error = errorAt(record, field,
                            tr("a whole number of months, 0 or more (%1 is counted back from %2)")
                                .arg(field, derived->from.toString(Qt::ISODate)));
            return false;
        }
        date = derived->from.addMonths(-int(*count));
        return true;
    }
    const QString value = text(record, field);
    present = !value.isNull();
    if (value.isEmpty())
        return true;
    const std::optional<QDate> parsed = m_parser.date(value);
    if (!parsed) {
        error = errorAt(record, field, m_parser.expectedDate());
        return false;
    }
    date = *parsed;
    return true;
}

QString RowConverter::text(const CsvRecord& record, const QString& field) const
{
    const int index = indexOf(field);
    if (index >= 0)
        return index < record.fields.size() ? record.fields[index].trimmed() : QStringLiteral("");
    return m_mapping.constants.value(field);
}

bool RowConverter::checkWidth(const CsvRecord& record, RowError& error) const
{
    if (record.fields.size() == m_header.size())
        return true;
    error = {
        record.line,
        0,
        {},
        tr("expected %1 fields as in the header, found %2").arg(m_header.size()).arg(record.fields.size())
    };
    return false;
}

RowError RowConverter::errorAt(const CsvRecord& record, const QString& field, const QString& expected) const
{
    const int index = indexOf(field);
    const QString value = index >= 0 && index < record.fields.size() ? record.fields[index] : QString();
    RowError error { record.line, index + 1, index >= 0 ? m_header[index] : field, {} };
    error.message = value.trimmed().isEmpty() ? tr("expected %1, the cell is empty").arg(expected)
                                              : tr("expected %1, got \"%2\"").arg(expected, value);
    return error;
}

std::optional<QString> RowConverter::resolveAccount(const CsvRecord& record, RowError& error) const
{
    if (m_keyIndex >= 0) {
        const QString key = record.fields[m_keyIndex].trimmed();
        const QString account = m_accountKeys.value(key);
        if (account.isEmpty()) {
            error = { record.line, m_keyIndex + 1, m_header[m_keyIndex],
                      key.isEmpty()
                          ? tr("expected a %1 key, the cell is empty").arg(m_mapping.accountKeyNamespace)
                          : tr("expected a known %1 key, \"%2\" was never imported (import the %1 → account "
                               "mapping first)")
                                .arg(m_mapping.accountKeyNamespace, key) };
            return std::nullopt;
        }
        return account;
    }
    const QString account = text(record, QStringLiteral("account"));
    if (account.isEmpty()) {
        error = errorAt(record, QStringLiteral("account"), tr("an account id"));
        return std::nullopt;
    }
    return account;
}

QString RowConverter::rowExternalId(const CsvRecord& record)
{
    // No id column: the row's own content identifies it, so re-importing the file adds nothing.
    // Identical rows within a file stay distinct through their occurrence number.
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(m_source.toUtf8());
    for (const QString& field : record.fields) {
        hash.addData(QByteArrayView("\x1f", 1));
        hash.addData(field.toUtf8());
    }
    const QByteArray digest = hash.result().toHex().left(24);
    const int occurrence = m_seenRows[digest]++;
    return QStringLiteral("row:") + QString::fromLatin1(digest)
        + (occurrence > 0 ? QStringLiteral("#%1").arg(occurrence) : QString());
}

QJsonValue RowConverter::typedCell(const QString& text)
{
    // Flags become booleans and plain figures numbers, so that rules can test them
    // ("attributes.is_trial = true", "properties.duration ≥ 60"); anything else stays text.
    // Ids with leading zeros ("00123") and dates are text: they do not read back the same.
    static const QRegularExpression figure(QStringLiteral(R"(^-?(0|[1-9]\d{0,14})(\.\d+)?$)"));
    const QString lower = text.trimmed().toLower();
    if (lower == QLatin1String("true") || lower == QLatin1String("yes") || lower == QStringLiteral("はい"))
        return true;
    if (lower == QLatin1String("false") || lower == QLatin1String("no") || lower == QStringLiteral("いいえ"))
        return false;
    if (figure.match(lower).hasMatch())
        return lower.toDouble();
    return text;
}

std::optional<QJsonObject> RowConverter::extras(const CsvRecord& record, RowError& error) const
{
    QJsonObject object;
    for (int index : m_extraIndexes) {
        const QString value = record.fields.value(index);
        if (ColumnTypes::isBlank(value))
            continue;
        const auto type = m_extraTypes.constFind(index);
        if (type == m_extraTypes.constEnd()) {
            object.insert(m_header[index], typedCell(value));
            continue;
        }
        const std::optional<QJsonValue> typed = ColumnTypes::convert(value, *type, m_parser);
        if (!typed) {
            error = { record.line, index + 1, m_header[index],
                      tr("expected %1 (the mapping types this column as %2), got \"%3\"")
                          .arg(ColumnTypes::expected(*type), ColumnTypes::name(*type), value) };
            return std::nullopt;
        }
        object.insert(m_header[index], *typed);
    }
    return object;
}

bool RowConverter::checkUniqueId(const CsvRecord& record, const QString& field, const QString& id,
                                 RowError& error)
{
    const size_t idHash = qHash(id, size_t(0x9e3779b97f4a7c15ULL));
    size_t contentHash = 0;
    for (const QString& value : record.fields)
        contentHash = qHash(value, contentHash * 31 + 7);
    const auto seen = m_seenIds.constFind(idHash);
    if (seen == m_seenIds.constEnd()) {
        m_seenIds.insert(idHash, { contentHash, record.line });
        return true;
    }
    if (seen->contentHash == contentHash)
        return true; // the same row again: the log keeps it once
    error = errorAt(record, field, QString());
    error.message
        = tr("expected a unique id, \"%1\" is already used by a different row on line %2 (if the "
             "file's ids are not unique, map no id column and rows are identified by their content)")
              .arg(id)
              .arg(seen->line);
    return false;
}

std::optional<Account> RowConverter::account(const CsvRecord& record, RowError& error)
{
    m_currencyAssumed = false;
    if (!checkWidth(record, error))
        return std::nullopt;
    const QString id = text(record, QStringLiteral("id"));
    if (id.isEmpty()) {
        error = errorAt(record, QStringLiteral("id"), tr("an account id"));
        return std::nullopt;
    }
    const auto stored = m_existing.constFind(id);
    const bool known = stored != m_existing.constEnd();
    Account account = known ? *stored : Account {};
    account.id = id;
    // A known account keeps its name when the file has none for it: a file of ids and one column
    // updates that column. A new account needs one.
    const QString name = text(record, QStringLiteral("name"));
    if (!name.isEmpty()) {
        account.name = name;
    } else if (!known) {
        if (name.isNull()) {
            error = errorAt(record, QStringLiteral("id"), QString());
            error.message = tr("expected an account of this workspace or a name for a new one: \"%1\" is not "
                               "in the workspace yet and the file has no name column")
                                .arg(id);
        } else {
            error
                = errorAt(record, QStringLiteral("name"),
                          tr("the name of the new account \"%1\" (it is not in the workspace yet)").arg(id));
        }
        return std::nullopt;
    }
    if (indexOf(QStringLiteral("owner")) >= 0 || m_mapping.constants.contains(QStringLiteral("owner")))
        account.owner = text(record, QStringLiteral("owner"));
    if (indexOf(QStringLiteral("plan")) >= 0 || m_mapping.constants.contains(QStringLiteral("plan")))
        account.plan = text(record, QStringLiteral("plan"));
    if (const QString currency = text(record, QStringLiteral("currency")); !currency.isEmpty()) {
        if (currency.size() != 3) {
            error = errorAt(record, QStringLiteral("currency"),
                            tr("a three-letter currency code such as USD or JPY"));
            return std::nullopt;
        }
        account.currency = currency.toUpper();
    }
    auto number = [&](const QString& field, std::optional<double>& into) {
        const QString value = text(record, field);
        if (value.isNull())
            return true; // not mapped: keep what is stored
        if (value.isEmpty()) {
            into.reset();
            return true;
        }
        into = m_parser.number(value);
        if (!into) {
            error = errorAt(record, field, ValueParser::expectedNumber());
            return false;
        }
        return true;
    };
    if (!number(QStringLiteral("arr"), account.arr))
        return std::nullopt;
    std::optional<double> mrr;
    if (!number(QStringLiteral("mrr"), mrr))
        return std::nullopt;
    if (mrr && indexOf(QStringLiteral("arr")) < 0)
        account.arr = *mrr * 12;
    if (text(record, QStringLiteral("currency")).isEmpty()) {
        // No currency column, or a blank cell: the sign of the figure says it ("¥12,000,000" is yen).
        const QString sign = ValueParser::currencyOf(text(record, QStringLiteral("arr"))
                                                     + text(record, QStringLiteral("mrr")));
        if (!sign.isEmpty())
            account.currency = sign;
        else if (!known && account.arr)
            m_currencyAssumed = true;
    }
    std::optional<double> seats = account.seats ? std::optional<double>(*account.seats) : std::nullopt;
    if (!number(QStringLiteral("seats"), seats))
        return std::nullopt;
    if (seats && (*seats < 0 || *seats != std::floor(*seats))) {
        error = errorAt(record, QStringLiteral("seats"), tr("a whole number of seats, 0 or more"));
        return std::nullopt;
    }
    account.seats = seats ? std::optional<int>(int(*seats)) : std::nullopt;
    for (const char* field : { "signup_date", "renewal_date" }) {
        const QString name = QLatin1String(field);
        QDate date;
        bool present = false;
        if (!dateField(record, name, date, present, error))
            return std::nullopt;
        if (present)
            (name == QLatin1String("signup_date") ? account.signupDate : account.renewalDate) = date;
    }
    const std::optional<QJsonObject> more = extras(record, error);
    if (!more)
        return std::nullopt;
    for (auto it = more->begin(); it != more->end(); ++it)
        account.attributes.insert(it.key(), it.value());
    // A later row for the same account builds on this one (its name, what it set).
    m_existing.insert(id, account);
    return account;
}

std::optional<EncodedEvent> RowConverter::event(const CsvRecord& record, RowError& error)
{
    if (!checkWidth(record, error))
        return std::nullopt;
    const std::optional<QString> account = resolveAccount(record, error);
    if (!account)
        return std::nullopt;
    EncodedEvent event;
    event.source = m_sourceUtf8;
    event.accountId = account->toUtf8();
    event.userId = text(record, QStringLiteral("user")).toUtf8();
    const QString name = text(record, QStringLiteral("name"));
    if (name.isEmpty()) {
        error = errorAt(record, QStringLiteral("name"), tr("an event name"));
        return std::nullopt;
    }
    event.name = name.toUtf8();
    const std::optional<qint64> when = m_parser.timestamp(text(record, QStringLiteral("timestamp")));
    if (!when) {
        error = errorAt(record, QStringLiteral("timestamp"), m_parser.expectedTimestamp());
        return std::nullopt;
    }
    event.occurredAt = *when;
    const QString quantity = text(record, QStringLiteral("quantity"));
    if (!quantity.isEmpty()) {
        const std::optional<double> value = m_parser.number(quantity);
        if (!value) {
            error = errorAt(record, QStringLiteral("quantity"), ValueParser::expectedNumber());
            return std::nullopt;
        }
        event.quantity = *value;
    }
    const QString id = text(record, QStringLiteral("id"));
    if (indexOf(QStringLiteral("id")) >= 0 && id.isEmpty()) {
        error = errorAt(record, QStringLiteral("id"), tr("the event's id"));
        return std::nullopt;
    }
    if (!id.isEmpty() && !checkUniqueId(record, QStringLiteral("id"), id, error))
        return std::nullopt;
    event.externalId = (id.isEmpty() ? rowExternalId(record) : id).toUtf8();
    const std::optional<QJsonObject> properties = extras(record, error);
    if (!properties)
        return std::nullopt;
    if (!properties->isEmpty())
        event.properties = QJsonDocument(*properties).toJson(QJsonDocument::Compact);
    return event;
}

std::optional<Outcome> RowConverter::outcome(const CsvRecord& record, RowError& error)
{
    if (!checkWidth(record, error))
        return std::nullopt;
    const std::optional<QString> account = resolveAccount(record, error);
    if (!account)
        return std::nullopt;
    if (!m_knownAccounts.contains(*account)) {
        const int index = m_keyIndex >= 0 ? m_keyIndex : indexOf(QStringLiteral("account"));
        error = { record.line, index + 1, index >= 0 ? m_header[index] : QStringLiteral("account"),
                  tr("expected an account of this workspace, \"%1\" is unknown (import accounts first)")
                      .arg(*account) };
        return std::nullopt;
    }
    Outcome outcome;
    outcome.accountId = *account;
    outcome.source = m_source;
    const QString kindText = text(record, QStringLiteral("kind")).toLower();
    static const QHash<QString, Outcome::Kind> kinds {
        { QStringLiteral("churned"), Outcome::Kind::Churned },
        { QStringLiteral("churn"), Outcome::Kind::Churned },
        { QStringLiteral("cancelled"), Outcome::Kind::Churned },
        { QStringLiteral("canceled"), Outcome::Kind::Churned },
        { QStringLiteral("解約"), Outcome::Kind::Churned },
        { QStringLiteral("renewed"), Outcome::Kind::Renewed },
        { QStringLiteral("renewal"), Outcome::Kind::Renewed },
        { QStringLiteral("更新"), Outcome::Kind::Renewed },
        { QStringLiteral("expanded"), Outcome::Kind::Expanded },
        { QStringLiteral("expansion"), Outcome::Kind::Expanded },
        { QStringLiteral("upsell"), Outcome::Kind::Expanded },
        { QStringLiteral("upgrade"), Outcome::Kind::Expanded },
        { QStringLiteral("拡大"), Outcome::Kind::Expanded },
        { QStringLiteral("アップセル"), Outcome::Kind::Expanded },
        { QStringLiteral("contracted"), Outcome::Kind::Contracted },
        { QStringLiteral("contraction"), Outcome::Kind::Contracted },
        { QStringLiteral("downgrade"), Outcome::Kind::Contracted },
        { QStringLiteral("縮小"), Outcome::Kind::Contracted },
        { QStringLiteral("ダウングレード"), Outcome::Kind::Contracted },
    };
    const auto kind = kinds.constFind(kindText);
    if (kind == kinds.constEnd()) {
        error = errorAt(record, QStringLiteral("kind"), tr("churned, renewed, expanded or contracted"));
        return std::nullopt;
    }
    outcome.kind = *kind;
    bool present = false;
    if (!dateField(record, QStringLiteral("date"), outcome.date, present, error))
        return std::nullopt;
    if (!outcome.date.isValid()) {
        error = errorAt(record, QStringLiteral("date"), m_parser.expectedDate());
        return std::nullopt;
    }
    const QString amount = text(record, QStringLiteral("amount"));
    if (!amount.isEmpty()) {
        outcome.amount = m_parser.number(amount);
        if (!outcome.amount) {
            error = errorAt(record, QStringLiteral("amount"), ValueParser::expectedNumber());
            return std::nullopt;
        }
    }
    outcome.note = text(record, QStringLiteral("note"));
    const QString id = text(record, QStringLiteral("id"));
    if (!id.isEmpty() && !checkUniqueId(record, QStringLiteral("id"), id, error))
        return std::nullopt;
    outcome.externalId = id.isEmpty() ? rowExternalId(record) : id;
    return outcome;
}

std::optional<AccountKeyStore::Entry> RowConverter::key(const CsvRecord& record, RowError& error)
{
    if (!checkWidth(record, error))
        return std::nullopt;
    const QString key = text(record, QStringLiteral("key"));
    if (key.isEmpty()) {
        error = errorAt(record, QStringLiteral("key"), tr("a key"));
        return std::nullopt;
    }
    const QString account = text(record, QStringLiteral("account"));
    if (account.isEmpty()) {
        error = errorAt(record, QStringLiteral("account"), tr("an account id"));
        return std::nullopt;
    }
    return AccountKeyStore::Entry { key, account };
}

} // namespace tenure
