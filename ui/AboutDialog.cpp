#include "AboutDialog.h"

#include "Version.h"
#include "store/Database.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tenure {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Tenure"));
    auto* layout = new QVBoxLayout(this);
    auto* heading
        = new QLabel(tr("<h2>Tenure %1</h2><p>Customer health, stages and action queues for customer "
                        "success teams.</p>")
                         .arg(QString::fromLatin1(kVersion)));
    heading->setObjectName(QStringLiteral("aboutHeading"));
    layout->addWidget(heading);

    auto* licences = new QTextBrowser;
    licences->setObjectName(QStringLiteral("aboutLicences"));
    licences->setOpenExternalLinks(true);
    licences->setHtml(
        tr("<p><b>Tenure</b> is free software under the GNU General Public License, version 3 or later (Qt "
           "Charts is GPL v3).</p>"
           "<p>It is built on:</p><ul>"
           "<li><b>Qt %1</b> (Core, Gui, Widgets, Sql, Network, Charts, PrintSupport, Concurrent): "
           "GNU LGPL v3 (Qt Charts: GNU GPL v3).</li>"
           "<li><b>SQLite %2</b>: public domain.</li>"
           "<li><b>Noto Sans CJK</b> fonts, when installed, for Japanese text: SIL Open Font "
           "License 1.1.</li></ul>")
            .arg(QString::fromLatin1(qVersion()), Database::sqliteVersion()));
    layout->addWidget(licences);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 360);
}

} // namespace tenure
