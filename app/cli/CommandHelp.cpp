#include "cli/CommandHelp.h"

#include "cli/TextColumns.h"

#include <QTextBoundaryFinder>

#include <algorithm>

namespace tenure::cli {

namespace {

// The widest names column; longer names put their description on the next line.
constexpr int kMaxNamesColumns = 28;

QString namesOf(const QCommandLineOption& option)
{
    QStringList names;
    for (const QString& name : option.names())
        names << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    QString text = names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        text += QStringLiteral(" <") + option.valueName() + u'>';
    return text;
}

// The characters before and after position `at`, whole (a character beyond the Basic
// Multilingual Plane, as CJK Extension B, is two UTF-16 units).
char32_t before(const QString& text, qsizetype at)
{
    const QChar last = text.at(at - 1);
    return last.isLowSurrogate() && at >= 2 && text.at(at - 2).isHighSurrogate()
        ? QChar::surrogateToUcs4(text.at(at - 2), last)
        : last.unicode();
}

char32_t after(const QString& text, qsizetype at)
{
    const QChar first = text.at(at);
    return first.isHighSurrogate() && at + 1 < text.size() && text.at(at + 1).isLowSurrogate()
        ? QChar::surrogateToUcs4(first, text.at(at + 1))
        : first.unicode();
}

// Where `text` may break: after a space, and where Unicode's line breaking (UAX #14) allows it
// beside a wide character (between two Japanese characters, not before 、 or 。). Not inside a
// word, a path or a URL, which Unicode would break after a '/' or a '-'.
QList<qsizetype> breaksOf(const QString& text)
{
    QList<qsizetype> breaks;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Line, text);
    for (qsizetype at = finder.toNextBoundary(); at > 0 && at < text.size(); at = finder.toNextBoundary()) {
        if (isWide(before(text, at)) || isWide(after(text, at)))
            breaks << at;
    }
    for (qsizetype at = 1; at < text.size(); ++at) {
        if (text.at(at - 1).isSpace() && !text.at(at).isSpace())
            breaks << at;
    }
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    breaks << text.size();
    return breaks;
}

// One paragraph (no '\n') in lines of at most `width` columns.
void wrapParagraph(const QString& text, int width, QStringList& lines)
{
    QString line;
    qsizetype start = 0;
    for (const qsizetype end : breaksOf(text)) {
        const QString piece = text.mid(start, end - start);
        // A piece ends with the spaces after it, which do not count at the end of a line.
        if (!line.isEmpty() && columnsOf(line) + columnsOf(QStringView(piece).trimmed()) > width) {
            lines << line.trimmed();
            line.clear();
        }
        line += piece;
        start = end;
    }
    if (!line.isEmpty() || text.isEmpty())
        lines << line.trimmed();
}

} // namespace

bool CommandHelp::addOption(const QCommandLineOption& option)
{
    m_options << option;
    return m_parser.addOption(option);
}

void CommandHelp::addPositionalArgument(const QString& name, const QString& description,
                                        const QString& syntax)
{
    m_arguments << Argument { name, description, syntax };
    m_parser.addPositionalArgument(name, description, syntax);
}

QStringList CommandHelp::wrap(const QString& text, int width)
{
    QStringList lines;
    for (const QString& paragraph : text.split(u'\n'))
        wrapParagraph(paragraph, width, lines);
    return lines;
}

QString CommandHelp::text(const QString& command, const QString& description, int width) const
{
    QStringList syntax;
    for (const Argument& argument : m_arguments)
        syntax << (argument.syntax.isEmpty() ? argument.name : argument.syntax);
    QString help = tr("Usage: tenure-cli %1 [options]%2")
                       .arg(command, syntax.isEmpty() ? QString() : u' ' + syntax.join(u' '))
        + u'\n';
    for (const QString& line : wrap(description, width))
        help += line + u'\n';

    QList<std::pair<QString, QString>> options;
    for (const QCommandLineOption& option : m_options) {
        if (!option.flags().testFlag(QCommandLineOption::HiddenFromHelp))
            options.append({ namesOf(option), option.description() });
    }
    QList<std::pair<QString, QString>> arguments;
    for (const Argument& argument : m_arguments)
        arguments.append({ argument.name, argument.description });

    int namesColumns = 0;
    for (const auto* section : { &options, &arguments }) {
        for (const auto& [names, text] : *section) {
            if (columnsOf(names) <= kMaxNamesColumns)
                namesColumns = std::max(namesColumns, columnsOf(names));
        }
    }
    const QString indent(2 + namesColumns + 2, u' ');
    const int descriptionWidth = std::max(20, width - int(indent.size()));
    const auto section = [&](const QString& title, const QList<std::pair<QString, QString>>& entries) {
        if (entries.isEmpty())
            return;
        help += u'\n' + title + u'\n';
        for (const auto& [names, text] : entries) {
            const QStringList lines = wrap(text, descriptionWidth);
            const bool beside = columnsOf(names) <= namesColumns;
            help += QStringLiteral("  ")
                + (beside ? padRight(names, namesColumns) + QStringLiteral("  ") : names + u'\n' + indent);
            help += lines.join(u'\n' + indent).trimmed() + u'\n';
        }
    };
    section(tr("Options:"), options);
    section(tr("Arguments:"), arguments);
    return help;
}

} // namespace tenure::cli
