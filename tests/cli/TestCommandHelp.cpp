// tenure-cli's help (cli/CommandHelp): lined up and wrapped by terminal columns, in English and
// in Japanese, for the commands themselves too.
#include "CliRun.h"
#include "cli/CommandHelp.h"
#include "cli/TextColumns.h"

#include <QTest>

using namespace tenure;
using namespace tenure::cli;

namespace {

// The column where the description starts on each entry line of the sections after the usage
// ("  --name <v>  description"): one per entry line, continuation lines included.
QList<int> descriptionColumns(const QString& help)
{
    QList<int> columns;
    bool inSection = false;
    for (const QString& line : help.split(u'\n')) {
        if (line.isEmpty()) {
            inSection = false;
            continue;
        }
        if (!line.startsWith(u' ')) {
            inSection = line.endsWith(u':');
            continue;
        }
        if (!inSection)
            continue;
        const QRegularExpression nonSpace(QStringLiteral("\\S"));
        qsizetype start = line.indexOf(nonSpace);
        if (start == 2) { // an entry's names, then its description after two spaces or more
            const qsizetype gap = line.indexOf(QLatin1String("  "), 2);
            if (gap < 0)
                continue; // names too long to have their description beside them
            start = line.indexOf(nonSpace, gap);
        }
        columns << columnsOf(QStringView(line).left(start));
    }
    return columns;
}

} // namespace

class TestCommandHelp : public QObject
{
    Q_OBJECT

private slots:
    void wrapsEnglishAtSpacesAndKeepsPathsWhole()
    {
        const QString text
            = QStringLiteral("Workspace file (default: /root/.local/share/Tenure/workspace.tenure). "
                             "Re-imports of the same source add nothing twice.");
        const QStringList lines = CommandHelp::wrap(text, 40);
        QVERIFY2(lines.size() > 2, qPrintable(lines.join(u'|')));
        for (const QString& line : lines) {
            QVERIFY2(columnsOf(line) <= 40 || !line.contains(u' '), qPrintable(line));
            QVERIFY2(line == line.trimmed(), qPrintable(line));
        }
        QCOMPARE(lines.join(u' '), text);
        QVERIFY(lines.contains(QStringLiteral("/root/.local/share/Tenure/workspace.tenure)."))
                || lines.join(u'\n').contains(QLatin1String("/root/.local/share/Tenure/workspace.tenure")));
        QCOMPARE(CommandHelp::wrap(QStringLiteral("one\n\ntwo"), 40),
                 (QStringList { QStringLiteral("one"), QString(), QStringLiteral("two") }));
    }

    void wrapsJapaneseBetweenCharactersByColumns()
    {
        const QString text
            = QStringLiteral("データソース名 (既定: ファイル名)。同じデータソースを再度取り込んでも重複は"
                             "追加されません。列の対応付けはプリセットとして保存されます。");
        const QStringList lines = CommandHelp::wrap(text, 30);
        QVERIFY2(lines.size() >= 4, qPrintable(lines.join(u'|')));
        for (const QString& line : lines) {
            QVERIFY2(columnsOf(line) <= 30, qPrintable(line));
            // No line starts with the punctuation that closes a phrase.
            QVERIFY2(!line.startsWith(u'、') && !line.startsWith(u'。') && !line.startsWith(u')'),
                     qPrintable(line));
        }
        QCOMPARE(lines.join(QString()).remove(u' '), QString(text).remove(u' '));
        // A character of CJK Extension B (two UTF-16 units) breaks as its neighbours do.
        const QString rare
            = QString(12, QChar(0x4E00)) + QString::fromUcs4(U"\U00020000") + QString(12, QChar(0x4E00));
        for (const QString& line : CommandHelp::wrap(rare, 10))
            QVERIFY2(columnsOf(line) <= 10 && !line.front().isLowSurrogate(), qPrintable(line));
    }

    void linesUpDescriptionsByColumns()
    {
        QCommandLineParser parser;
        CommandHelp help(parser);
        help.addOption(
            { QStringLiteral("note"), QStringLiteral("履歴に残すメモ。"), QStringLiteral("テキスト") });
        help.addOption({ QStringLiteral("json"), QStringLiteral("1 つの JSON 配列で出力。") });
        QCommandLineOption hidden(QStringLiteral("secret"), QStringLiteral("not shown"));
        hidden.setFlags(QCommandLineOption::HiddenFromHelp);
        help.addOption(hidden);
        help.addPositionalArgument(QStringLiteral("kind"),
                                   QStringLiteral("accounts、events、outcomes、keys"));
        const QString text = help.text(QStringLiteral("import"), QStringLiteral("CSV を取り込みます。"));
        QVERIFY2(text.startsWith(QLatin1String("Usage: tenure-cli import [options] kind\n")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("secret")), qPrintable(text));
        QVERIFY(parser.parse({ QStringLiteral("x"), QStringLiteral("--note"), QStringLiteral("a") }));
        QCOMPARE(parser.value(QStringLiteral("note")), QStringLiteral("a"));
        const QList<int> columns = descriptionColumns(text);
        QCOMPARE(columns.size(), 3);
        QVERIFY2(columns.count(columns.first()) == columns.size(), qPrintable(text));
        QCOMPARE(columns.first(), 2 + columnsOf(QStringLiteral("--note <テキスト>")) + 2);
    }

    // Every command's --help, in English and in Japanese: named as typed, lined up, no line
    // wider than the terminal's 80 columns unless it is one word.
    void everyCommandsHelpFitsInEitherLanguage()
    {
        const cli::CommandRegistry registry;
        for (const QString& language : { QStringLiteral("en"), QStringLiteral("ja") }) {
            for (const auto& command : registry.commands()) {
                const QString& name = command->name();
                const test::Run run = test::runBinary(
                    { QStringLiteral("--language"), language, name, QStringLiteral("--help") });
                QCOMPARE(run.code, 0);
                const QString usage = language == QLatin1String("ja") ? QStringLiteral("使い方: tenure-cli ")
                                                                      : QStringLiteral("Usage: tenure-cli ");
                QVERIFY2(run.out.startsWith(usage + name + u' '), qPrintable(run.out));
                for (const QString& line : run.out.split(u'\n'))
                    // Wider only as one piece that cannot break (a long path).
                    QVERIFY2(columnsOf(line) <= 79 || CommandHelp::wrap(line.trimmed(), 79).size() == 1,
                             qPrintable(name + QStringLiteral(": ") + line));
                const QList<int> columns = descriptionColumns(run.out);
                QVERIFY2(!columns.isEmpty() && columns.count(columns.first()) == columns.size(),
                         qPrintable(run.out));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCommandHelp)
#include "TestCommandHelp.moc"
