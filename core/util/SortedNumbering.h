#pragma once

#include <QStringList>

#include <vector>

namespace tenure {

// Strings numbered 0, 1, 2... in sorted order, each once, from several tables that number them
// their own way (a rebuild's scan threads, each keying the strings it meets as it meets them).
//
// The order is QString's operator< (UTF-16 code units): the order in which QStringList::sort()
// sorts account ids and AccountActivity::serialize() writes event names and users. Numbers that
// follow it let a rebuild sort by number where it would sort by text, and build each account's
// activity with its names and users already in the order they are stored in.
class SortedNumbering
{
public:
    SortedNumbering() = default;
    // tables[t][k] is table t's string k; strings may repeat within and across tables.
    explicit SortedNumbering(const std::vector<QStringList>& tables);

    // Every string, by number: sorted, unique.
    const QStringList& texts() const { return m_texts; }
    qsizetype size() const { return m_texts.size(); }
    // numbers(t)[k]: the number of table t's string k.
    const std::vector<quint32>& numbers(std::size_t table) const { return m_numbers[table]; }

private:
    QStringList m_texts;
    std::vector<std::vector<quint32>> m_numbers; // per table, per key
};

} // namespace tenure
