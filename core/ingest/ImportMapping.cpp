#include "ingest/ImportMapping.h"

#include "util/JsonInput.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace tenure {

namespace {

QStringList list(std::initializer_list<const char*> names)
{
    QStringList out;
    for (const char* name : names)
        out.append(QString::fromUtf8(name));
    return out;
}

} // namespace

QString ImportMapping::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Accounts:
        return QStringLiteral("accounts");
    case Kind::Events:
        return QStringLiteral("events");
    case Kind::Outcomes:
        return QStringLiteral("outcomes");
    case Kind::Keys:
        return QStringLiteral("keys");
    }
    return {};
}

std::optional<ImportMapping::Kind> ImportMapping::kindFromName(const QString& name)
{
    for (Kind kind : { Kind::Accounts, Kind::Events, Kind::Outcomes, Kind::Keys })
        if (kindName(kind) == name.trimmed().toLower())
            return kind;
    if (name.trimmed().toLower() == QLatin1String("usage"))
        return Kind::Events;
    return std::nullopt;
}

const QList<ImportMapping::Field>& ImportMapping::fields(Kind kind)
{
    static const QStringList accountIds
        = list({ "account_id", "account", "customer_id", "company_id", "accountid", "取引先ID", "顧客ID",
                 "アカウントID", "企業ID", "会社ID" });
    static const QList<Field> accounts {
        { QStringLiteral("id"), true, accountIds + list({ "id" }) },
        { QStringLiteral("name"), false,
          list({ "account_name", "name", "company", "company_name", "customer_name", "customer", "取引先名",
                 "会社名", "企業名", "顧客名", "アカウント名" }) },
        { QStringLiteral("owner"), false,
          list({ "owner", "csm", "account_owner", "csm_owner", "success_manager", "担当者", "担当CSM",
                 "担当" }) },
        { QStringLiteral("plan"), false,
          list({ "plan", "plan_tier", "tier", "plan_name", "プラン", "契約プラン" }) },
        { QStringLiteral("arr"), false,
          list({ "arr", "arr_amount", "annual_revenue", "annual_recurring_revenue", "年間契約金額",
                 "年間売上" }) },
        { QStringLiteral("mrr"), false,
          list({ "mrr", "mrr_amount", "monthly_revenue", "月額", "月額料金" }) },
        { QStringLiteral("currency"), false, list({ "currency", "通貨" }) },
        { QStringLiteral("seats"), false,
          list({ "seats", "licenses", "licences", "seat_count", "ライセンス数", "席数" }) },
        { QStringLiteral("signup_date"), false,
          list({ "signup_date", "start_date", "created_at", "contract_start", "customer_since",
                 "customer_since_date", "契約開始日", "登録日", "利用開始日" }) },
        { QStringLiteral("renewal_date"), false,
          list({ "renewal_date", "contract_end", "contract_end_date", "renewal", "更新日", "契約更新日",
                 "契約終了日" }) },
    };
    static const QList<Field> events {
        { QStringLiteral("account"), true, accountIds },
        { QStringLiteral("user"), false,
          list({ "user_id", "user", "distinct_id", "userid", "email", "user_email", "ユーザーID",
                 "ユーザー" }) },
        { QStringLiteral("name"), true,
          list({ "event", "event_name", "feature_name", "feature", "action", "activity", "イベント名",
                 "イベント", "機能名", "機能" }) },
        { QStringLiteral("timestamp"), true,
          list({ "timestamp", "time", "occurred_at", "event_time", "usage_date", "date", "datetime",
                 "submitted_at", "created_at", "日時", "発生日時", "利用日", "利用日時", "日付" }) },
        { QStringLiteral("quantity"), false,
          list({ "quantity", "usage_count", "count", "qty", "amount", "回数", "利用回数", "件数" }) },
        { QStringLiteral("id"), false,
          list({ "event_id", "id", "usage_id", "message_id", "messageid", "insert_id", "$insert_id",
                 "イベントID" }) },
    };
    static const QList<Field> outcomes {
        { QStringLiteral("account"), true, accountIds },
        { QStringLiteral("kind"), true,
          list({ "outcome", "kind", "outcome_kind", "type", "event_type", "結果", "種別" }) },
        { QStringLiteral("date"), true,
          list({ "date", "occurred_on", "outcome_date", "churn_date", "renewal_date", "effective_date",
                 "日付", "解約日", "発生日" }) },
        { QStringLiteral("amount"), false,
          list({ "amount", "value", "arr_change", "refund_amount_usd", "refund_amount", "金額" }) },
        { QStringLiteral("note"), false,
          list({ "note", "notes", "reason", "reason_code", "comment", "feedback_text", "feedback", "備考",
                 "理由", "メモ" }) },
        { QStringLiteral("id"), false, list({ "outcome_id", "id", "churn_event_id", "event_id" }) },
    };
    static const QList<Field> keys {
        { QStringLiteral("key"), true,
          list(
              { "key", "subscription_id", "user_id", "contact_id", "external_id", "契約ID", "ユーザーID" }) },
        { QStringLiteral("account"), true, accountIds },
    };
    switch (kind) {
    case Kind::Accounts:
        return accounts;
    case Kind::Events:
        return events;
    case Kind::Outcomes:
        return outcomes;
    case Kind::Keys:
        return keys;
    }
    return events;
}

QStringList ImportMapping::requiredForNew(Kind kind)
{
    return kind == Kind::Accounts ? QStringList { QStringLiteral("name") } : QStringList {};
}

QStringList ImportMapping::dateFields(Kind kind)
{
    if (kind == Kind::Accounts)
        return { QStringLiteral("signup_date"), QStringLiteral("renewal_date") };
    if (kind == Kind::Outcomes)
        return { QStringLiteral("date") };
    return {};
}

QString ImportMapping::normaliseHeader(const QString& header)
{
    QString s = header.normalized(QString::NormalizationForm_KC).trimmed().toLower();
    s.remove(u' ').remove(u'_').remove(u'-').remove(u'.');
    return s;
}

ImportMapping ImportMapping::detect(Kind kind, const QStringList& header)
{
    ImportMapping mapping;
    mapping.kind = kind;
    mapping.completeFrom(header);
    return mapping;
}

void ImportMapping::completeFrom(const QStringList& header)
{
    QSet<QString> taken;
    for (const QString& column : std::as_const(columns))
        taken.insert(column);
    for (const MonthsBefore& derived : std::as_const(monthsBefore))
        taken.insert(derived.column);
    if (!whenColumn.isEmpty())
        taken.insert(whenColumn);
    if (!accountKeyColumn.isEmpty())
        taken.insert(accountKeyColumn);
    QHash<QString, QString> byNormal;
    for (const QString& column : header)
        byNormal.insert(normaliseHeader(column), column);
    for (const Field& field : fields(kind)) {
        if (columns.contains(field.name) || constants.contains(field.name) || unmapped.contains(field.name)
            || monthsBefore.contains(field.name))
            continue;
        if (field.name == QLatin1String("account") && !accountKeyColumn.isEmpty())
            continue;
        for (const QString& synonym : field.synonyms) {
            const QString column = byNormal.value(normaliseHeader(synonym));
            if (!column.isEmpty() && !taken.contains(column)) {
                columns.insert(field.name, column);
                taken.insert(column);
                break;
            }
        }
    }
}

Status ImportMapping::checkAgainst(const QStringList& header, const QString& fileName) const
{
    const QString available = header.join(QStringLiteral(", "));
    for (auto it = columns.constBegin(); it != columns.constEnd(); ++it)
        if (!header.contains(it.value()))
            return Error {
                tr("%1: the mapping takes %2 from column \"%3\", which the file does not have (its "
                   "columns: %4)")
                    .arg(fileName, it.key(), it.value(), available)
            };
    for (auto it = monthsBefore.constBegin(); it != monthsBefore.constEnd(); ++it)
        if (!header.contains(it->column))
            return Error {
                tr("%1: the mapping counts %2 back from column \"%3\", which the file does not have "
                   "(its columns: %4)")
                    .arg(fileName, it.key(), it->column, available)
            };
    if (!whenColumn.isEmpty() && !header.contains(whenColumn))
        return Error { tr("%1: the mapping keeps rows by column \"%2\", which the file does not have (its "
                          "columns: %3)")
                           .arg(fileName, whenColumn, available) };
    for (auto it = types.constBegin(); it != types.constEnd(); ++it)
        if (!header.contains(it.key()))
            return Error { tr("%1: the mapping types column \"%2\", which the file does not have (its "
                              "columns: %3)")
                               .arg(fileName, it.key(), available) };
    if (!accountKeyColumn.isEmpty() && !header.contains(accountKeyColumn))
        return Error {
            tr("%1: the mapping resolves accounts from column \"%2\", which the file does not have (its "
               "columns: %3)")
                .arg(fileName, accountKeyColumn, available)
        };
    if (!accountKeyColumn.isEmpty() && accountKeyNamespace.isEmpty())
        return Error { tr("%1: the mapping resolves accounts from column \"%2\" but names no key namespace")
                           .arg(fileName, accountKeyColumn) };
    if (kind == Kind::Keys && keyNamespace.isEmpty())
        return Error {
            tr("%1: a key import needs a namespace (e.g. --namespace subscription)").arg(fileName)
        };
    QStringList missing;
    for (const Field& field : fields(kind)) {
        if (!field.required || columns.contains(field.name) || constants.contains(field.name)
            || monthsBefore.contains(field.name))
            continue;
        if (field.name == QLatin1String("account") && !accountKeyColumn.isEmpty())
            continue;
        missing.append(field.name);
    }
    if (!missing.isEmpty())
        return Error { tr("%1: no column found for %2 (importing %3; the file's columns: %4). Choose their "
                          "columns in the mapping (the import's Columns step, or a --mapping file), or "
                          "rename the file's columns.")
                           .arg(fileName, missing.join(QStringLiteral(", ")), kindName(kind), available) };
    return {};
}

QString ImportMapping::describe() const
{
    QStringList parts;
    for (const Field& field : fields(kind)) {
        if (columns.contains(field.name))
            parts << tr("%1 ← %2").arg(field.name, columns.value(field.name));
        else if (constants.contains(field.name))
            parts << tr("%1 = %2").arg(field.name, constants.value(field.name));
        else if (monthsBefore.contains(field.name))
            parts << tr("%1 ← %2 months before %3")
                         .arg(field.name, monthsBefore[field.name].column,
                              monthsBefore[field.name].from.toString(Qt::ISODate));
        else if (field.name == QLatin1String("account") && !accountKeyColumn.isEmpty())
            parts << tr("account ← %1 (through %2 keys)").arg(accountKeyColumn, accountKeyNamespace);
    }
    if (!whenColumn.isEmpty())
        parts << tr("only rows where %1 is %2").arg(whenColumn, whenIn.join(tr(" or ")));
    for (auto it = types.constBegin(); it != types.constEnd(); ++it)
        parts << tr("%1 as %2").arg(it.key(), ColumnTypes::name(it.value()));
    return parts.join(QStringLiteral(", "));
}

QJsonObject ImportMapping::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("kind"), kindName(kind));
    QJsonObject columnsJson;
    for (auto it = columns.constBegin(); it != columns.constEnd(); ++it)
        columnsJson.insert(it.key(), it.value());
    for (const QString& field : unmapped)
        columnsJson.insert(field, QJsonValue::Null);
    for (auto it = monthsBefore.constBegin(); it != monthsBefore.constEnd(); ++it)
        columnsJson.insert(
            it.key(),
            QJsonObject { { QStringLiteral("column"), it->column },
                          { QStringLiteral("months_before"), it->from.toString(Qt::ISODate) } });
    json.insert(QStringLiteral("columns"), columnsJson);
    if (!constants.isEmpty()) {
        QJsonObject constantsJson;
        for (auto it = constants.constBegin(); it != constants.constEnd(); ++it)
            constantsJson.insert(it.key(), it.value());
        json.insert(QStringLiteral("constants"), constantsJson);
    }
    if (!accountKeyColumn.isEmpty())
        json.insert(QStringLiteral("account_key"),
                    QJsonObject { { QStringLiteral("column"), accountKeyColumn },
                                  { QStringLiteral("namespace"), accountKeyNamespace } });
    if (!keyNamespace.isEmpty())
        json.insert(QStringLiteral("namespace"), keyNamespace);
    if (extra == Extra::None)
        json.insert(QStringLiteral("extra_columns"), QStringLiteral("none"));
    else if (extra == Extra::Listed)
        json.insert(QStringLiteral("extra_columns"), QJsonArray::fromStringList(extraColumns));
    if (!types.isEmpty()) {
        QJsonObject typesJson;
        for (auto it = types.constBegin(); it != types.constEnd(); ++it)
            typesJson.insert(it.key(), ColumnTypes::name(it.value()));
        json.insert(QStringLiteral("types"), typesJson);
    }
    if (!whenColumn.isEmpty())
        json.insert(QStringLiteral("when"),
                    QJsonObject { { QStringLiteral("column"), whenColumn },
                                  { QStringLiteral("in"), QJsonArray::fromStringList(whenIn) } });
    if (dateOrder == ValueParser::DateOrder::MonthDayYear)
        json.insert(QStringLiteral("date_order"), QStringLiteral("mdy"));
    else if (dateOrder == ValueParser::DateOrder::DayMonthYear)
        json.insert(QStringLiteral("date_order"), QStringLiteral("dmy"));
    if (decimal != u'.')
        json.insert(QStringLiteral("decimal"), QString(decimal));
    if (!encoding.isEmpty())
        json.insert(QStringLiteral("encoding"), encoding);
    if (!delimiter.isNull())
        json.insert(QStringLiteral("delimiter"),
                    delimiter == u'\t' ? QStringLiteral("tab") : QString(delimiter));
    return json;
}

Result<ImportMapping> ImportMapping::fromJson(const QJsonObject& json)
{
    ImportMapping mapping;
    const std::optional<Kind> kind = kindFromName(json.value(QStringLiteral("kind")).toString());
    if (!kind)
        return Error { tr("kind: expected one of accounts, events, outcomes, keys") };
    mapping.kind = *kind;
    QSet<QString> known;
    for (const Field& field : fields(*kind))
        known.insert(field.name);
    const QString knownList = QStringList(known.begin(), known.end()).join(QStringLiteral(", "));
    // "columns": {"signup_date": {"column": "months_active", "months_before": "2026-11-30"}} or
    // {"value": "2026-11-30"}, the same as a constant.
    auto readDerived = [&](const QString& field, const QString& key, const QJsonObject& object) -> Status {
        const QString path = QStringLiteral("columns.") + key;
        if (object.contains(QStringLiteral("value"))) {
            const QString value = object.value(QStringLiteral("value")).toVariant().toString();
            if (value.isEmpty())
                return Error { tr("%1.value: expected a non-empty value for every row").arg(path) };
            mapping.constants.insert(field, value);
            return {};
        }
        if (!object.contains(QStringLiteral("months_before")))
            return Error { tr("%1: expected a column name, null, {\"value\": ...} or {\"column\": ..., "
                              "\"months_before\": \"YYYY-MM-DD\"}")
                               .arg(path) };
        if (!dateFields(*kind).contains(field))
            return Error { tr("%1.months_before: only date fields can be counted back (%2)")
                               .arg(path, dateFields(*kind).join(QStringLiteral(", "))) };
        const QDate from
            = QDate::fromString(object.value(QStringLiteral("months_before")).toString(), Qt::ISODate);
        if (!from.isValid())
            return Error { tr("%1.months_before: expected a date such as 2026-11-30").arg(path) };
        const QString column = object.value(QStringLiteral("column")).toString();
        if (column.isEmpty())
            return Error { tr("%1.column: expected the name of the column of months").arg(path) };
        mapping.monthsBefore.insert(field, { column, from });
        return {};
    };
    auto readStrings = [&](const char* key, QHash<QString, QString>& into, QStringList* nulls) -> Status {
        const QJsonValue value = json.value(QLatin1String(key));
        if (value.isUndefined())
            return {};
        if (!value.isObject())
            return Error { tr("%1: expected an object of field names").arg(QLatin1String(key)) };
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            // Exports call an outcome's date "occurred_on" as often as "date".
            const QString field = *kind == Kind::Outcomes && it.key() == QLatin1String("occurred_on")
                ? QStringLiteral("date")
                : it.key();
            if (!known.contains(field))
                return Error { tr("%1.%2: unknown field for %3 (known: %4)")
                                   .arg(QLatin1String(key), it.key(), kindName(*kind), knownList) };
            if (nulls && it.value().isNull()) {
                nulls->append(field); // "id": null: no column, do not detect one
                continue;
            }
            if (nulls && it.value().isObject()) {
                if (Status derived = readDerived(field, it.key(), it.value().toObject()); !derived)
                    return derived;
                continue;
            }
            if (!it.value().isString() || it.value().toString().isEmpty())
                return Error { tr("%1.%2: expected a non-empty string").arg(QLatin1String(key), it.key()) };
            into.insert(field, it.value().toString());
        }
        return {};
    };
    if (Status s = readStrings("columns", mapping.columns, &mapping.unmapped); !s)
        return Error { s.error() };
    if (Status s = readStrings("constants", mapping.constants, nullptr); !s)
        return Error { s.error() };
    const QJsonValue key = json.value(QStringLiteral("account_key"));
    if (!key.isUndefined()) {
        const QJsonObject keyObject = key.toObject();
        mapping.accountKeyColumn = keyObject.value(QStringLiteral("column")).toString();
        mapping.accountKeyNamespace = keyObject.value(QStringLiteral("namespace")).toString();
        if (mapping.accountKeyColumn.isEmpty())
            return Error { tr("account_key.column: expected the name of the key column") };
        if (mapping.accountKeyNamespace.isEmpty())
            return Error { tr("account_key.namespace: expected the namespace the keys were imported into") };
    }
    mapping.keyNamespace = json.value(QStringLiteral("namespace")).toString();
    const QJsonValue extra = json.value(QStringLiteral("extra_columns"));
    if (extra.isArray()) {
        mapping.extra = Extra::Listed;
        for (const QJsonValue& v : extra.toArray())
            mapping.extraColumns.append(v.toString());
    } else if (extra.isString()) {
        if (extra.toString() == QLatin1String("none"))
            mapping.extra = Extra::None;
        else if (extra.toString() != QLatin1String("rest"))
            return Error { tr("extra_columns: expected \"rest\", \"none\" or a list of column names") };
    }
    const QJsonValue types = json.value(QStringLiteral("types"));
    if (!types.isUndefined() && !types.isObject())
        return Error { tr("types: expected an object of column names and types") };
    const QJsonObject typesObject = types.toObject();
    for (auto it = typesObject.begin(); it != typesObject.end(); ++it) {
        const std::optional<ColumnType> type = ColumnTypes::fromName(it.value().toString());
        if (!type)
            return Error { tr("types.%1: expected text, number or boolean").arg(it.key()) };
        mapping.types.insert(it.key(), *type);
    }
    const QJsonValue when = json.value(QStringLiteral("when"));
    if (!when.isUndefined()) {
        const QJsonObject whenObject = when.toObject();
        mapping.whenColumn = whenObject.value(QStringLiteral("column")).toString();
        if (mapping.whenColumn.isEmpty())
            return Error { tr("when.column: expected the name of the column that selects rows") };
        const QJsonValue values = whenObject.value(QStringLiteral("in"));
        for (const QJsonValue& value : values.toArray())
            if (const QString text = value.toVariant().toString().trimmed(); !text.isEmpty())
                mapping.whenIn.append(text);
        if (!values.isArray() || mapping.whenIn.isEmpty())
            return Error { tr("when.in: expected a list of the values that keep a row, e.g. [\"Yes\"]") };
    }
    const std::optional<ValueParser::DateOrder> order
        = ValueParser::dateOrderFromName(json.value(QStringLiteral("date_order")).toString());
    if (!order)
        return Error { tr("date_order: expected ymd, mdy or dmy") };
    mapping.dateOrder = *order;
    const QString decimal = json.value(QStringLiteral("decimal")).toString(QStringLiteral("."));
    if (decimal != QLatin1String(".") && decimal != QLatin1String(","))
        return Error { tr("decimal: expected \".\" or \",\"") };
    mapping.decimal = decimal.at(0);
    mapping.encoding = json.value(QStringLiteral("encoding")).toString();
    const QString delimiter = json.value(QStringLiteral("delimiter")).toString();
    if (delimiter == QLatin1String("tab") || delimiter == QLatin1String("\t"))
        mapping.delimiter = u'\t';
    else if (delimiter == QLatin1String(",") || delimiter == QLatin1String(";"))
        mapping.delimiter = delimiter.at(0);
    else if (!delimiter.isEmpty())
        return Error { tr("delimiter: expected \",\", \";\" or \"tab\"") };
    return mapping;
}

Result<ImportMapping> ImportMapping::load(const QString& path)
{
    Result<QJsonObject> object = json::readObject(path);
    if (!object)
        return Error { object.error() };
    Result<ImportMapping> mapping = fromJson(*object);
    if (!mapping)
        return Error { tr("%1: %2").arg(path, mapping.error()) };
    return mapping;
}

} // namespace tenure
