// MainWindow's navigation: the views' icons, tinted from the palette, and the quick switcher.
#include "MainWindow.h"
#include "PaletteIcon.h"
#include "workspace/QuickSwitcher.h"

#include <QEvent>
#include <QListWidget>

namespace tenure {

namespace {

// The navigation's rows, in order: their icons and the names MainWindow::showView takes.
struct NavigationRow
{
    const char* key;
    const char* icon;
};
constexpr NavigationRow kRows[] {
    { "overview", ":/icons/nav-overview.svg" },   { "customers", ":/icons/nav-customers.svg" },
    { "actions", ":/icons/nav-actions.svg" },     { "customer", ":/icons/nav-customer.svg" },
    { "rules", ":/icons/nav-rules.svg" },         { "tuning", ":/icons/nav-tuning.svg" },
    { "datasources", ":/icons/nav-sources.svg" },
};

} // namespace

void MainWindow::setupNavigation()
{
    m_navigation->setIconSize(QSize(20, 20));
    m_switcher = new QuickSwitcher(this);
    connect(m_switcher, &QuickSwitcher::chosen, this, [this](const QString& target) { showView(target); });
    tintNavigationIcons();
}

void MainWindow::tintNavigationIcons()
{
    const QPalette palette = this->palette(); // the navigation takes it after this window
    QList<QuickSwitcher::View> views;
    for (int row = 0; row < m_navigation->count() && row < int(std::size(kRows)); ++row) {
        const QIcon icon = PaletteIcon::tinted(QLatin1String(kRows[row].icon), palette);
        m_navigation->item(row)->setIcon(icon);
        // The action queue's row carries its count: the switcher shows the bare name.
        QString name = m_navigation->item(row)->text();
        if (row == 2)
            name = tr("Action queue");
        views.append({ QLatin1String(kRows[row].key), name, icon });
    }
    m_switcher->setViews(views);
    m_switcher->setCustomerIcon(PaletteIcon::tinted(QStringLiteral(":/icons/nav-customer.svg"), palette));
}

void MainWindow::showSwitcher()
{
    m_switcher->popup(this);
}

void MainWindow::changeEvent(QEvent* event)
{
    // A dark or light palette (or another language): the icons follow.
    if (m_switcher && (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange))
        tintNavigationIcons();
    QMainWindow::changeEvent(event);
}

} // namespace tenure
