#include "util/CsvCell.h"

namespace tenure::CsvCell {

namespace {

QString quotedIfNeeded(const QString& cell, QChar delimiter, bool force)
{
    if (!force && !cell.contains(delimiter) && !cell.contains(u'"') && !cell.contains(u'\n')
        && !cell.contains(u'\r'))
        return cell;
    return u'"' + QString(cell).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
}

} // namespace

bool looksLikeFormula(const QString& text)
{
    if (text.isEmpty())
        return false;
    switch (text.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
}

QString text(const QString& text, QChar delimiter)
{
    // The quote makes the spreadsheet read the cell as text; quoting the cell keeps the quote
    // inside it whatever the reader does with leading white space.
    if (looksLikeFormula(text))
        return quotedIfNeeded(u'\'' + text, delimiter, true);
    return quotedIfNeeded(text, delimiter, false);
}

QString number(const QString& formatted, QChar delimiter)
{
    return quotedIfNeeded(formatted, delimiter, false);
}

} // namespace tenure::CsvCell
