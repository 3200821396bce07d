#include "actions/ReasonFacts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace tenure {

namespace {

// Whole numbers this small are written as their digits by every Qt; the rest (fractions, huge
// numbers, infinity) as QJsonDocument writes them, which has changed between Qt versions.
constexpr double kPlainLimit = 1e15;

// One value as QJsonDocument writes it: an array's one element, without the brackets.
QByteArray asQtWrites(const QJsonValue& value)
{
    const QByteArray array = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

const QByteArray& ReasonFacts::Texts::escaped(const QString& text)
{
    auto found = m_escaped.find(text);
    if (found == m_escaped.end())
        found = m_escaped.insert(text, asQtWrites(QJsonValue(text))); // Qt's own escaping
    return *found;
}

void ReasonFacts::addText(QLatin1String key, const QString& text)
{
    m_fields.emplace_back(key, m_texts.escaped(text));
}

void ReasonFacts::addInteger(QLatin1String key, qint64 integer)
{
    m_fields.emplace_back(key,
                          std::abs(double(integer)) < kPlainLimit ? QByteArray::number(integer)
                                                                  : asQtWrites(QJsonValue(integer)));
}

void ReasonFacts::addDouble(QLatin1String key, double number)
{
    const bool plain
        = std::isfinite(number) && std::abs(number) < kPlainLimit && number == std::floor(number);
    m_fields.emplace_back(key, plain ? QByteArray::number(qint64(number)) : asQtWrites(QJsonValue(number)));
}

QByteArray ReasonFacts::json() const
{
    // QJsonObject keeps its keys sorted, and so writes them.
    std::vector<const std::pair<QLatin1String, QByteArray>*> sorted;
    sorted.reserve(m_fields.size());
    for (const auto& field : m_fields)
        sorted.push_back(&field);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
    QByteArray json;
    json.reserve(160);
    json.append('{');
    for (const auto* field : sorted) {
        if (json.size() > 1)
            json.append(',');
        json.append('"').append(field->first.data(), field->first.size()).append("\":", 2);
        json.append(field->second);
    }
    json.append('}');
    return json;
}

} // namespace tenure
