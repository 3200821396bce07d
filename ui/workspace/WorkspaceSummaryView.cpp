#include "workspace/WorkspaceSummaryView.h"

#include "PlainText.h"
#include "team/TeamLocation.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace tenure {

WorkspaceSummaryView::WorkspaceSummaryView(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_body(new QLabel)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 12, 18, 8); // the title over the guide's column and the charts
    m_title->setObjectName(QStringLiteral("workspaceTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText); // a file name, as it is
    m_body->setObjectName(QStringLiteral("workspaceBody"));
    m_body->setTextFormat(Qt::RichText); // what goes in is escaped
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_body->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_body);
    layout->addStretch();
    m_title->setText(tr("Opening workspace…"));
}

void WorkspaceSummaryView::showWorkspace(const QString& path, const WorkspaceStats& stats,
                                         const TeamLocation* team)
{
    const QLocale locale;
    m_title->setText(team ? team->database : QFileInfo(path).completeBaseName());
    // Three columns of facts under where the workspace lives: a header a few lines tall, which
    // leaves the overview's charts the height of a laptop's screen. Labels and values as written
    // (a time zone, a path and a server's name come from outside).
    const auto cell = [](const QString& label, const QString& value, bool bold = false) {
        const QString shown
            = bold ? QStringLiteral("<b>%1</b>").arg(value.toHtmlEscaped()) : value.toHtmlEscaped();
        return QStringLiteral(
                   "<td valign='middle'>%1</td><td valign='middle' style='padding-right: 24px'>%2</td>")
            .arg(label.toHtmlEscaped(), shown);
    };
    const auto wide = [](const QString& label, const QString& value) {
        return QStringLiteral("<tr><td valign='middle'>%1</td><td valign='middle' colspan='5'>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const QString where = team ? wide(tr("Team workspace"), team->display())
            + wide(tr("This desktop's copy"), QDir::toNativeSeparators(path))
                               : wide(tr("File"), QDir::toNativeSeparators(path));
    m_body->setText(QStringLiteral("<table cellspacing='4'>") + where + QStringLiteral("<tr>")
                    + cell(tr("Accounts"), locale.toString(stats.accounts), true)
                    + cell(tr("Outcomes"), locale.toString(stats.outcomes))
                    + cell(tr("Time zone"), stats.timeZone) + QStringLiteral("</tr><tr>")
                    + cell(tr("Events"), locale.toString(stats.events), true)
                    + cell(tr("Sources"), locale.toString(stats.sources)) + QStringLiteral("</tr></table>"));
}

void WorkspaceSummaryView::showError(const QString& path, const QString& message)
{
    m_title->setText(tr("Cannot open %1").arg(QFileInfo(path).fileName()));
    m_body->setText(PlainText::asRichText(message)); // escaped, its line breaks kept
}

} // namespace tenure
