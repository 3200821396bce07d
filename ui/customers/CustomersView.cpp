#include "customers/CustomersView.h"

#include "Async.h"
#include "PlainText.h"
#include "customers/CustomerList.h"
#include "customers/CustomerListDelegate.h"
#include "customers/CustomerListModel.h"
#include "rules/RuleStore.h"
#include "store/AccountStore.h"
#include "store/WithWorkspace.h"
#include "store/WorkspaceSettings.h"
#include "workspace/ScopeSwitch.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollBar>
#include <QSet>
#include <QSpinBox>
#include <QTableView>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tenure {

CustomersView::CustomersView(QWidget* parent)
    : QWidget(parent)
    , m_reader(std::make_unique<KeptReader>(QStringLiteral("tenure-customers")))
    , m_listReads(std::make_unique<QThreadPool>())
    // Once a newer list is in (read beside the searches after a pass or a sync), search again.
    , m_list(std::make_shared<CustomerList>(
          m_listReads.get(),
          [this] { QMetaObject::invokeMethod(this, &CustomersView::refresh, Qt::QueuedConnection); }))
    , m_scope(new ScopeSwitch(this))
    , m_search(new QLineEdit(this))
    , m_stage(new QComboBox(this))
    , m_band(new QComboBox(this))
    , m_owner(new QComboBox(this))
    , m_renewal(new QSpinBox(this))
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
    , m_debounce(new QTimer(this))
    , m_model(new CustomerListModel(this))
{
    setObjectName(QStringLiteral("CustomersView"));
    m_listReads->setObjectName(QStringLiteral("tenure-customer-list"));
    m_listReads->setMaxThreadCount(1);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search by name or id"));
    m_search->setClearButtonEnabled(true);
    m_stage->setObjectName(QStringLiteral("stage"));
    m_band->setObjectName(QStringLiteral("band"));
    m_owner->setObjectName(QStringLiteral("owner"));
    m_renewal->setObjectName(QStringLiteral("renewalWithin"));
    m_renewal->setRange(0, 730);
    m_renewal->setSpecialValueText(tr("renewal: any time")); // says what it filters, as the prefix does
    m_renewal->setSuffix(tr(" days"));
    m_renewal->setPrefix(tr("renewal within "));
    m_stage->addItem(tr("All stages"), QString());
    m_band->addItem(tr("All bands"), QString());
    m_owner->addItem(tr("All owners"), QString());

    PlainText::label(m_count); // errors quote what was searched and imported
    m_table->setObjectName(QStringLiteral("customers"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_sortedColumn = CustomerListModel::Score;
    m_table->sortByColumn(CustomerListModel::Score, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(CustomerListModel::Name, QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);
    CustomerListDelegate::setUp(m_table); // bands as badges, one line per cell, long values elided
    m_count->setObjectName(QStringLiteral("count"));

    auto* filters = new QHBoxLayout;
    m_scope->hide(); // a team workspace's
    filters->addWidget(m_scope);
    filters->addWidget(m_search, 2);
    filters->addWidget(m_stage);
    filters->addWidget(m_band);
    filters->addWidget(m_owner);
    filters->addWidget(m_renewal);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(120);
    connect(m_debounce, &QTimer::timeout, this, &CustomersView::runQuery);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    for (QComboBox* box : { m_stage, m_band, m_owner })
        connect(box, &QComboBox::currentIndexChanged, this, &CustomersView::runQuery);
    connect(m_scope, &ScopeSwitch::changed, this, [this](bool mine) {
        m_owner->setEnabled(!mine); // My accounts fixes the owner
        runQuery();
    });
    connect(m_renewal, &QSpinBox::valueChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_model, &CustomerListModel::sortRequested, this, [this](int column, Qt::SortOrder order) {
        if (column == CustomerListModel::Trend) {
            // The trend is worked out for the rows on screen only: it cannot order 100k accounts.
            const QSignalBlocker blocker(m_table->horizontalHeader());
            m_table->horizontalHeader()->setSortIndicator(m_sortedColumn, m_query.sortOrder);
            return;
        }
        m_sortedColumn = column;
        m_query.sortColumn = CustomerListModel::queryColumn(column);
        m_query.sortOrder = order;
        runQuery();
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit customerActivated(index.data(CustomerListModel::AccountIdRole).toString());
    });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &CustomersView::showLoaded);
}

CustomersView::~CustomersView()
{
    m_watcher.waitForFinished();
    m_list->waitForReads(); // no read calls back once the view is gone
}

void CustomersView::releaseWorkspace()
{
    m_watcher.waitForFinished();
    m_list->waitForReads();
    m_reader->close();
}

QString CustomersView::selectedAccountId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(CustomerListModel::AccountIdRole).toString();
}

void CustomersView::setWorkspace(const QString& path)
{
    m_path = path;
    m_filtersFilled = false;
    refresh();
}

void CustomersView::setMember(const QString& member)
{
    m_member = member;
    m_scope->setVisible(!member.isEmpty());
    const QSignalBlocker blocker(m_scope);
    m_scope->setMine(!member.isEmpty());
    m_owner->setEnabled(member.isEmpty());
}

bool CustomersView::showsMyAccountsOnly() const
{
    return !m_member.isEmpty() && m_scope->isMine();
}

void CustomersView::setMyAccountsOnly(bool mine)
{
    m_scope->setMine(mine);
}

void CustomersView::refresh()
{
    runQuery();
}

void CustomersView::runQuery()
{
    if (m_path.isEmpty())
        return;
    if (m_watcher.isRunning()) {
        m_pending = true; // the newest filters run when this search lands
        return;
    }
    m_query.search = m_search->text();
    m_query.stage = m_stage->currentData().toString();
    m_query.band = m_band->currentData().toString();
    m_query.owner = showsMyAccountsOnly() ? m_member : m_owner->currentData().toString();
    m_query.renewalWithinDays
        = m_renewal->value() > 0 ? std::optional<int>(m_renewal->value()) : std::nullopt;
    const QString path = m_path;
    const CustomerQuery query = m_query;
    const bool withFilters = !m_filtersFilled;
    m_watcher.setFuture(
        m_reader->run(path, [query, withFilters, list = m_list](Database& db) -> Result<Loaded> {
            Loaded loaded;
            loaded.today = WorkspaceSettings(db).today();
            Result<RuleStore::Active> rules = RuleStore(db).active();
            if (!rules)
                return Error { rules.error() };
            loaded.rules = std::move(rules->rules);
            Result<CustomerQuery::Page> page = list->run(query, db, loaded.today);
            if (!page)
                return Error { page.error() };
            loaded.page = std::move(page).value();
            if (withFilters) {
                Result<QStringList> owners = AccountStore(db).owners();
                if (!owners)
                    return Error { owners.error() };
                loaded.owners = std::move(owners).value();
            }
            return loaded;
        }));
}

void CustomersView::showLoaded()
{
    const Result<Loaded> loaded = m_watcher.result();
    if (!loaded) {
        m_count->setText(loaded.error());
    } else {
        if (!m_filtersFilled) {
            m_filtersFilled = true;
            // Filled again whenever the workspace is (re)loaded: keep "All …" and the choice made.
            const QSignalBlocker blockStage(m_stage), blockBand(m_band), blockOwner(m_owner);
            auto refill = [](QComboBox* box, const QList<std::pair<QString, QString>>& items) {
                const QVariant chosen = box->currentData();
                while (box->count() > 1)
                    box->removeItem(1);
                for (const auto& [text, data] : items)
                    box->addItem(text, data);
                box->setCurrentIndex(std::max(0, box->findData(chosen)));
            };
            QList<std::pair<QString, QString>> stages, bands, owners;
            for (const Stage& stage : loaded->rules.stages)
                stages.append({ stage.name, stage.id });
            for (const Band& band : loaded->rules.bands)
                bands.append({ band.name, band.name });
            bands.append({ tr("No score"), QStringLiteral("-") });
            for (const QString& owner : loaded->owners)
                owners.append({ owner, owner });
            refill(m_stage, stages);
            refill(m_band, bands);
            refill(m_owner, owners);
        }
        m_model->setRules(loaded->rules);
        m_model->setToday(loaded->today);
        // A refresh keeps what the user looks at: the selected customer and the scroll position.
        const QString selected = selectedAccountId();
        const int scrolled = m_table->verticalScrollBar()->value();
        m_model->setRows(loaded->page.rows, loaded->page.total);
        if (!selected.isEmpty()) {
            for (int row = 0; row < m_model->rowCount(); ++row) {
                if (m_model->index(row, 0).data(CustomerListModel::AccountIdRole).toString() == selected) {
                    m_table->selectRow(row);
                    break;
                }
            }
        }
        m_table->verticalScrollBar()->setValue(scrolled);
        const QLocale locale;
        if (loaded->page.total == 0)
            m_count->setText(
                m_query.narrowed()
                    ? tr("No customer matches the search and filters.")
                    : tr("No customers in this workspace yet: the Overview says how to add them."));
        else
            m_count->setText(
                loaded->page.total > loaded->page.rows.size()
                    ? tr("%1 customers (the first %2 shown; narrow the search to see the others)")
                          .arg(locale.toString(loaded->page.total), locale.toString(loaded->page.rows.size()))
                    : tr("%n customers", nullptr, int(loaded->page.total)));
        // A page from a list older than the workspace is shown while the newer one is read; the
        // search runs again once it is in, and that one is the search's result.
        if (!loaded->page.outdated)
            emit searched(loaded->page.total);
    }
    if (m_pending) {
        m_pending = false;
        runQuery();
    }
}

} // namespace tenure
