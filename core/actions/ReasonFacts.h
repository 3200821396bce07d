#pragma once

#include <QByteArray>
#include <QHash>
#include <QLatin1String>
#include <QString>

#include <utility>
#include <vector>

namespace tenure {

// An action's reason as stored: its facts as one flat JSON object, written byte for byte as
// QJsonDocument writes the same QJsonObject in compact form (keys in order, numbers and strings
// as Qt writes them), so a reason written by an earlier Tenure compares equal to the same facts
// today and the queue is not rewritten. ActionEngine writes one for each action it calls for on
// every pass (200,000 on a large portfolio), where a QJsonObject and a QJsonDocument each cost
// about 4 µs; the texts it uses (bands, stages, currencies) repeat, so their escaped forms are
// kept (`Texts`). TestActions::reasonFactsMatchQJsonDocument holds it to QJsonDocument.
class ReasonFacts
{
public:
    // Escaped JSON strings, "..." included, by text: one per distinct band, stage or currency.
    class Texts
    {
    public:
        const QByteArray& escaped(const QString& text);

    private:
        QHash<QString, QByteArray> m_escaped;
    };

    explicit ReasonFacts(Texts& texts)
        : m_texts(texts)
    {
    }

    // `key`: a literal of ASCII letters and underscores (written as it is), each once.
    void addText(QLatin1String key, const QString& text);
    void addInteger(QLatin1String key, qint64 integer); // a QJsonValue of an integer
    void addDouble(QLatin1String key, double number); // a QJsonValue of a double

    QByteArray json() const;

private:
    Texts& m_texts;
    std::vector<std::pair<QLatin1String, QByteArray>> m_fields; // key, value as written
};

} // namespace tenure
