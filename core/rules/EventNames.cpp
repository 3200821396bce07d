#include "rules/EventNames.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace tenure {

namespace {

// Levenshtein distance, case ignored.
int distance(const QString& a, const QString& b)
{
    const QString x = a.toCaseFolded();
    const QString y = b.toCaseFolded();
    std::vector<int> row(size_t(y.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= x.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= y.size(); ++j) {
            const int above = row[size_t(j)];
            row[size_t(j)]
                = std::min({ above + 1, row[size_t(j - 1)] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1) });
            diagonal = above;
        }
    }
    return row.back();
}

} // namespace

void EventNames::Known::add(const Read& read)
{
    if (read.whole)
        m_names.clear();
    for (const QString& name : read.names)
        m_names.insert(name);
    m_lastSeq = read.lastSeq;
}

QStringList EventNames::Known::sorted() const
{
    QStringList names(m_names.begin(), m_names.end());
    names.sort();
    return names;
}

Result<EventNames::Read> EventNames::readAfter(Database& db, qint64 afterSeq)
{
    Read read;
    QSqlQuery last(db.connection());
    if (!last.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM events")) || !last.next())
        return Error { last.lastError().text() };
    read.lastSeq = last.value(0).toLongLong();
    read.whole = afterSeq <= 0 || read.lastSeq < afterSeq;
    if (read.lastSeq == afterSeq && !read.whole)
        return read; // nothing new
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT DISTINCT name FROM events WHERE seq > ? AND seq <= ? ORDER BY name"));
    query.addBindValue(read.whole ? qint64(0) : afterSeq);
    query.addBindValue(read.lastSeq);
    if (!query.exec())
        return Error { query.lastError().text() };
    while (query.next())
        read.names << query.value(0).toString();
    return read;
}

QString EventNames::closest(const QString& name, const QStringList& known)
{
    // A misspelling is a few letters off: two, or a quarter of the name's for a long one.
    const int allowed = std::max<int>(2, int(name.size() / 4));
    QString best;
    int bestDistance = allowed + 1;
    for (const QString& candidate : known) {
        if (std::abs(int(candidate.size() - name.size())) > allowed)
            continue;
        if (const int d = distance(name, candidate); d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return best;
}

QString EventNames::warning(const QStringList& names, const QStringList& known)
{
    if (known.isEmpty())
        return {};
    QStringList lines;
    for (const QString& name : names) {
        if (name.isEmpty() || known.contains(name))
            continue;
        const QString near = closest(name, known);
        lines << (near.isEmpty() ? tr("No event named \u201c%1\u201d in this workspace's log.").arg(name)
                                 : tr("No event named \u201c%1\u201d in this workspace's log: did you mean "
                                      "\u201c%2\u201d?")
                                       .arg(name, near));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace tenure
