#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace tenure::cli {

// A command's options and arguments, added to its parser and kept for its help. The help is
// written here rather than by QCommandLineParser, which counts characters: it lined up the
// descriptions of a Japanese help by characters where a terminal shows a full-width one in two
// columns, wrapped Japanese only at spaces, and printed the program's path ("使い方:
// /usr/bin/tenure-cli") where the command's name belongs. Here columns are counted as the
// terminal shows them (TextColumns.h) and lines break where Unicode allows (UAX #14, which
// breaks between Japanese characters but not before 、 or 。).
class CommandHelp
{
    Q_DECLARE_TR_FUNCTIONS(CommandHelp)

public:
    explicit CommandHelp(QCommandLineParser& parser)
        : m_parser(parser)
    {
    }

    bool addOption(const QCommandLineOption& option);
    void addPositionalArgument(const QString& name, const QString& description, const QString& syntax = {});

    // "Usage: tenure-cli NAME [options] ARGS", the description, then the options and arguments,
    // each description beside its names and wrapped at `width` terminal columns.
    QString text(const QString& command, const QString& description, int width = 79) const;

    // `text` in lines of at most `width` columns (a word longer than that stays whole), broken
    // where Unicode allows and at each '\n'.
    static QStringList wrap(const QString& text, int width);

private:
    struct Argument
    {
        QString name, description, syntax;
    };
    QCommandLineParser& m_parser;
    QList<QCommandLineOption> m_options;
    QList<Argument> m_arguments;
};

} // namespace tenure::cli
