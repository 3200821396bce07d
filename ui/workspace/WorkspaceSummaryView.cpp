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
    layout->setContentsMargins(32, 24, 32, 24);
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
    const QString where = team
        ? tr("<tr><td>Team workspace</td><td>%1</td></tr>"
             "<tr><td>This desktop's copy</td><td>%2</td></tr>")
              .arg(team->display().toHtmlEscaped(), QDir::toNativeSeparators(path).toHtmlEscaped())
        : tr("<tr><td>File</td><td>%1</td></tr>").arg(QDir::toNativeSeparators(path).toHtmlEscaped());
    m_body->setText(QStringLiteral("<table cellspacing='6'>") + where
                    + tr("<tr><td>Accounts</td><td><b>%1</b></td></tr>"
                         "<tr><td>Events</td><td><b>%2</b></td></tr>"
                         "<tr><td>Outcomes</td><td>%3</td></tr>"
                         "<tr><td>Sources</td><td>%4</td></tr>"
                         "<tr><td>Time zone</td><td>%5</td></tr>")
                          .arg(locale.toString(stats.accounts), locale.toString(stats.events),
                               locale.toString(stats.outcomes), locale.toString(stats.sources),
                               stats.timeZone.toHtmlEscaped())
                    + QStringLiteral("</table>"));
}

void WorkspaceSummaryView::showError(const QString& path, const QString& message)
{
    m_title->setText(tr("Cannot open %1").arg(QFileInfo(path).fileName()));
    m_body->setText(PlainText::asRichText(message)); // escaped, its line breaks kept
}

} // namespace tenure
