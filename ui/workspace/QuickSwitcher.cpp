#include "workspace/QuickSwitcher.h"

#include "Async.h"
#include "PlainText.h"
#include "customers/CustomerQuery.h"
#include "store/WithWorkspace.h"
#include "store/WorkspaceSettings.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include <memory>

namespace tenure {

namespace {

constexpr int kTargetRole = Qt::UserRole;
constexpr int kCustomersShown = 20;

QString withoutMnemonic(QString text)
{
    return text.remove(u'&');
}

} // namespace

QuickSwitcher::QuickSwitcher(QWidget* parent)
    : QFrame(parent, Qt::Popup)
    , m_edit(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("quickSwitcher"));
    setFrameShape(QFrame::StyledPanel);
    setAttribute(Qt::WA_WindowPropagation);
    m_edit->setObjectName(QStringLiteral("quickSwitcherEdit"));
    m_edit->setPlaceholderText(tr("Go to a customer (name or id) or a view…"));
    m_edit->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("quickSwitcherList"));
    m_list->setUniformItemSizes(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setFocusPolicy(Qt::NoFocus); // typing stays in the line edit; the arrows move the list
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_edit);
    layout->addWidget(m_list);
    m_edit->installEventFilter(this);
    connect(m_edit, &QLineEdit::textChanged, this, &QuickSwitcher::search);
    connect(m_list, &QListWidget::itemActivated, this, &QuickSwitcher::activate);
    connect(m_list, &QListWidget::itemClicked, this, &QuickSwitcher::activate);
}

QuickSwitcher::~QuickSwitcher() = default;

void QuickSwitcher::popup(QWidget* over)
{
    const int width = std::min(520, std::max(320, over->width() / 2));
    const int height = fontMetrics().height() * 18;
    const QPoint topLeft = over->mapToGlobal(QPoint((over->width() - width) / 2, over->height() / 8));
    setGeometry(QRect(topLeft, QSize(width, height)));
    m_edit->clear();
    search({});
    show();
    raise();
    activateWindow();
    m_edit->setFocus(Qt::PopupFocusReason);
}

bool QuickSwitcher::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const int rows = m_list->count();
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp: {
            if (rows == 0)
                return true;
            const int step = key->key() == Qt::Key_Down ? 1
                : key->key() == Qt::Key_Up              ? -1
                : key->key() == Qt::Key_PageDown        ? 8
                                                        : -8;
            m_list->setCurrentRow(std::clamp(m_list->currentRow() + step, 0, rows - 1));
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            activate(m_list->currentItem());
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void QuickSwitcher::search(const QString& typed)
{
    const QString text = typed.trimmed();
    m_list->clear();
    // The views first: there are few, and their names are what a user remembers.
    for (const View& view : std::as_const(m_views)) {
        const QString name = withoutMnemonic(view.name);
        if (!text.isEmpty() && !name.contains(text, Qt::CaseInsensitive)
            && !view.key.contains(text, Qt::CaseInsensitive))
            continue;
        auto* item = new QListWidgetItem(view.icon, name, m_list);
        item->setData(kTargetRole, view.key);
        item->setToolTip(PlainText::asRichText(name));
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    const int generation = ++m_generation;
    if (text.isEmpty() || m_path.isEmpty()) {
        emit searched(text);
        return;
    }
    const QString path = m_path;
    runAsync(
        this,
        [path, text] {
            CustomerQuery query;
            query.search = text;
            query.sortColumn = CustomerQuery::Column::Name;
            query.limit = kCustomersShown;
            return withWorkspace(path, Database::Mode::ReadOnly,
                                 [&](Database& db) { return query.run(db, WorkspaceSettings(db).today()); });
        },
        [this, generation, text](const Result<CustomerQuery::Page>& page) {
            if (generation != m_generation)
                return; // typed on since: a newer search follows
            if (page) {
                const bool hadRows = m_list->count() > 0;
                for (const CustomerRow& row : page->rows) {
                    // Names come from imports and connectors: items show them as written.
                    auto* item
                        = new QListWidgetItem(m_customerIcon, tr("%1 — %2").arg(row.name, row.id), m_list);
                    item->setData(kTargetRole, QStringLiteral("customer:") + row.id);
                    item->setToolTip(PlainText::asRichText(row.name));
                }
                // A customer's name is what was typed most often: it comes first unless a view matched.
                if (!hadRows && m_list->count() > 0)
                    m_list->setCurrentRow(0);
            }
            emit searched(text);
        });
}

void QuickSwitcher::activate(QListWidgetItem* item)
{
    if (!item)
        return;
    const QString target = item->data(kTargetRole).toString();
    hide();
    emit chosen(target);
}

} // namespace tenure
