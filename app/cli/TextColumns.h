#pragma once

// Plain-text tables in a terminal: an East Asian wide character (Japanese, Chinese, Korean, and
// full-width forms) takes two columns, so columns are padded by what they show, not by characters.

#include <QString>
#include <QStringView>

namespace tenure::cli {

inline bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
        || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
        || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

// The terminal columns `text` takes.
inline int columnsOf(QStringView text)
{
    int columns = 0;
    for (const char32_t c : text.toUcs4())
        columns += isWide(c) ? 2 : 1;
    return columns;
}

// `text` then spaces to `columns` (left-aligned), as QString::leftJustified but by columns.
inline QString padRight(const QString& text, int columns)
{
    return text + QString(std::max(0, columns - columnsOf(text)), u' ');
}

// Spaces then `text` to `columns` (right-aligned).
inline QString padLeft(const QString& text, int columns)
{
    return QString(std::max(0, columns - columnsOf(text)), u' ') + text;
}

} // namespace tenure::cli
