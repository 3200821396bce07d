#include "customers/CustomerList.h"

#include "engine/ScoringEngine.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/SqliteStatement.h"
#include "store/Transaction.h"
#include "store/WithWorkspace.h"
#include "store/WorkspaceSettings.h"
#include "util/ThreadPriority.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>

#include <algorithm>
#include <numeric>
#include <string_view>
#include <utility>

namespace tenure {

namespace {

Result<qint64> dataVersion(Database& db)
{
    Result<SqliteStatement> pragma = SqliteStatement::prepare(db.handle(), "PRAGMA data_version");
    if (!pragma)
        return Error { pragma.error() };
    if (sqlite3_step(pragma->get()) != SQLITE_ROW)
        return Error { QString::fromUtf8(sqlite3_errmsg(db.handle())) };
    return pragma->int64(0);
}

} // namespace

quint32 CustomerList::Column::number(const char* text, int size)
{
    return text ? numbers.numberOf(QByteArrayView(text, size)) : kNone;
}

void CustomerList::Column::rankValues()
{
    std::vector<quint32> order(numbers.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [this](quint32 a, quint32 b) { return numbers.text(a) < numbers.text(b); });
    rank.assign(numbers.size(), 0);
    for (std::size_t place = 0; place < order.size(); ++place)
        rank[order[place]] = qint32(place); // each value once: no ties
    texts = numbers.toStringList();
}

std::optional<quint32> CustomerList::Column::find(const QString& value) const
{
    const QByteArray bytes = value.toUtf8();
    for (quint32 n = 0; n < numbers.size(); ++n) {
        if (numbers.text(n) == QByteArrayView(bytes))
            return n;
    }
    return std::nullopt;
}

Result<CustomerList::Stamp> CustomerList::stamp(Database& db)
{
    // The engine's keys only: the action queue keeps its own state beside them, which changes
    // nothing the list shows.
    const QStringList engineKeys = ScoringEngine::statusStateKeys();
    QSqlQuery query(db.connection());
    query.prepare(
        QStringLiteral("SELECT (SELECT group_concat(key || '=' || value, ';') FROM (SELECT key, value "
                       "FROM engine_state WHERE key IN (%1) ORDER BY key)), (SELECT value FROM settings "
                       "WHERE key = ?), (SELECT value FROM settings WHERE key = ?)")
            .arg(QStringList(engineKeys.size(), QStringLiteral("?")).join(u',')));
    for (const QString& key : engineKeys)
        query.addBindValue(key);
    // A team copy's: what it last took of the team's statuses (not each publication it takes,
    // which may change none), and of its master data (a copy of every account, which may keep
    // their count and newest update time).
    query.addBindValue(WorkspaceSettings::kTeamStatusesChanged);
    query.addBindValue(WorkspaceSettings::kTeamMasterFingerprint);
    if (!query.exec() || !query.next())
        return Error { query.lastError().text() };
    Stamp now;
    now.statuses = query.value(0).toString() + u'|' + query.value(1).toString();
    const QString fingerprint = query.value(2).toString();
    query.finish();
    // The schema's version and the data's: a migration may rewrite the accounts' columns (a
    // rebuild swaps tables in, which changes no account, but is rare enough to be read whole).
    if (!query.exec(QStringLiteral("SELECT (SELECT schema_version FROM pragma_schema_version), (SELECT "
                                   "user_version FROM pragma_user_version)"))
        || !query.next())
        return Error { query.lastError().text() };
    const QString versions = query.value(0).toString() + u':' + query.value(1).toString();
    query.finish();
    const QString accounts = AccountStore(db).masterDataStamp();
    if (accounts.isEmpty())
        return Error { QStringLiteral("cannot read the accounts' stamp") };
    now.accounts = accounts + u'|' + fingerprint + u'|' + versions;
    return now;
}

CustomerList::CustomerList(QThreadPool* reads, std::function<void()> loaded)
    : m_reads(reads)
    , m_loaded(std::move(loaded))
{
}

CustomerList::~CustomerList()
{
    waitForReads();
}

void CustomerList::stopReads()
{
    m_stop = true;
}

void CustomerList::waitForReads()
{
    stopReads();
    std::unique_lock lock(m_mutex);
    m_readEnded.wait(lock, [this] { return m_tasks == 0; });
    m_stop = false;
}

int CustomerList::loads() const
{
    std::lock_guard lock(m_mutex);
    return m_loads;
}

int CustomerList::wholeLoads() const
{
    std::lock_guard lock(m_mutex);
    return m_wholeLoads;
}

std::shared_ptr<const CustomerList::Snapshot> CustomerList::held() const
{
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

void CustomerList::hold(std::shared_ptr<const Snapshot> snapshot)
{
    std::lock_guard lock(m_mutex);
    m_wholeLoads += m_snapshot && m_snapshot->accounts == snapshot->accounts ? 0 : 1;
    m_snapshot = std::move(snapshot);
    ++m_loads;
}

Result<std::shared_ptr<const CustomerList::Snapshot>> CustomerList::read(Database& db, const Snapshot* before,
                                                                         const std::atomic_bool* stop)
{
    // One snapshot for the stamp and the rows (a savepoint in a transaction the caller holds).
    Transaction snapshotOf(db, Transaction::Kind::Read);
    if (!snapshotOf.isActive())
        return Error { snapshotOf.startError() };
    auto snapshot = std::make_shared<Snapshot>();
    Result<Stamp> now = stamp(db);
    Status read = now ? Status {} : Status { Error { now.error() } };
    bool matched = false;
    if (read && before && before->path == db.path() && before->stamp.accounts == now->accounts) {
        // Only the statuses changed: the accounts read before stay, if their ids are the same.
        snapshot->accounts = before->accounts;
        read = snapshot->readStatuses(db, stop, matched);
    }
    if (read && !matched) {
        auto accounts = std::make_shared<Accounts>();
        if (before) { // room for as many as last time, and some: one allocation each, not a doubling series
            accounts->rows.reserve(before->accounts->rows.size() + before->accounts->rows.size() / 16);
            accounts->bytes.reserve(before->accounts->bytes.size() + before->accounts->bytes.size() / 16);
        }
        snapshot->statuses.clear();
        snapshot->stages = snapshot->bands = snapshot->lastActive = Column();
        read = snapshot->read(db, *accounts, stop);
        snapshot->accounts = std::move(accounts);
    }
    // Ended either way (rolled back if not committed): a connection left in its transaction would
    // read this snapshot forever.
    if (Status ended = snapshotOf.commit(); !ended)
        return Error { ended.error() };
    if (!read)
        return Error { read.error() };
    snapshot->path = db.path();
    snapshot->stamp = *now;
    return std::shared_ptr<const Snapshot>(std::move(snapshot));
}

void CustomerList::readBeside(const QString& path)
{
    std::shared_ptr<const Snapshot> before;
    int loadsBefore = 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_reading)
            return;
        m_reading = true;
        ++m_tasks;
        before = m_snapshot;
        loadsBefore = m_loads;
    }
    m_reads->start([this, path, before, loadsBefore] {
        static thread_local const int lowered = lowerThreadPriority();
        Q_UNUSED(lowered);
        Result<std::shared_ptr<const Snapshot>> snapshot = m_stop
            ? Result<std::shared_ptr<const Snapshot>>(Error { QStringLiteral("stopped") })
            : withWorkspace(path, Database::Mode::ReadOnly,
                            [this, &before](Database& db) { return read(db, before.get(), &m_stop); });
        const bool stopped = m_stop;
        {
            std::lock_guard lock(m_mutex);
            // Held unless a search read another list meanwhile (of another workspace, say). A
            // failed read leaves the list as it was, and the next search reads it itself, so
            // that it says why it cannot. A stopped read leaves it as it was too.
            if (snapshot && m_loads == loadsBefore && !stopped) {
                m_wholeLoads += before && before->accounts == (*snapshot)->accounts ? 0 : 1;
                m_snapshot = *snapshot;
                ++m_loads;
            } else if (!snapshot && !stopped) {
                m_readFailed = true;
            }
            m_reading = false; // before the call back: the search it starts finds the new list
        }
        if (m_loaded && !stopped)
            m_loaded();
        std::lock_guard lock(m_mutex);
        --m_tasks;
        m_readEnded.notify_all();
    });
}

Result<CustomerList::Page> CustomerList::run(const CustomerQuery& query, Database& db, const QDate& today)
{
    std::shared_ptr<const Snapshot> snapshot;
    bool reading = false;
    bool readFailed = false;
    {
        std::lock_guard lock(m_mutex);
        snapshot = m_snapshot;
        reading = m_reading;
        readFailed = std::exchange(m_readFailed, false);
    }
    const QString connection = db.connection().connectionName();
    Result<qint64> version = dataVersion(db);
    if (!version)
        return Error { version.error() };
    // Commits by other connections change data_version; this connection's own writes (where it
    // is not read-only) count in its total of changes.
    const qint64 changes = sqlite3_total_changes64(db.handle());
    bool outdated = false;
    if (!snapshot || snapshot->path != db.path() || connection != m_connection || *version != m_dataVersion
        || changes != m_changes || readFailed) {
        const bool samePath = snapshot && snapshot->path == db.path() && !readFailed;
        // While a read beside is under way, the list held is searched as it is, unchecked.
        Result<Stamp> now = samePath && !reading ? stamp(db) : Stamp();
        if (!now)
            return Error { now.error() };
        if (samePath && reading) {
            outdated = true;
        } else if (!samePath || (*now != snapshot->stamp && !m_reads)) {
            Result<std::shared_ptr<const Snapshot>> read = CustomerList::read(db, snapshot.get());
            if (!read)
                return Error { read.error() };
            snapshot = *read;
            hold(snapshot);
        } else if (*now != snapshot->stamp) {
            // Searched as it was, while it is read again beside.
            outdated = true;
            readBeside(db.path());
        }
        if (!outdated) { // up to date as of these numbers
            m_connection = connection;
            m_dataVersion = *version;
            m_changes = changes;
        }
    }
    Result<Page> page = snapshot->search(query, db, today, m_hits);
    if (page)
        page->outdated = outdated;
    return page;
}

namespace {

// The text of a column of the row `statement` is on (null for NULL), and its size.
const char* cell(sqlite3_stmt* statement, int column)
{
    return reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
}

int cellSize(sqlite3_stmt* statement, int column)
{
    return sqlite3_column_bytes(statement, column);
}

} // namespace

Status CustomerList::Snapshot::read(Database& db, Accounts& read, const std::atomic_bool* stop)
{
    Result<SqliteStatement> select = SqliteStatement::prepare(
        db.handle(),
        "SELECT a.id, a.name, a.owner, a.arr, a.currency, a.renewal_date, a.search_text, s.stage, s.score, "
        "s.band, s.last_active FROM accounts a LEFT JOIN account_status s ON s.account_id = a.id ORDER BY "
        "a.rowid");
    if (!select)
        return Error { select.error() };
    sqlite3_stmt* statement = select->get();
    const auto keep = [&](int column) {
        Text kept;
        if (const char* data = cell(statement, column)) {
            kept.begin = quint32(read.bytes.size());
            kept.size = quint32(cellSize(statement, column));
            read.bytes.append(data, kept.size);
        }
        return kept;
    };
    statuses.reserve(read.rows.capacity());
    int stepped = SQLITE_ROW;
    while ((stepped = sqlite3_step(statement)) == SQLITE_ROW) {
        if (stop && read.rows.size() % 4096 == 0 && stop->load(std::memory_order_relaxed))
            return Error { QStringLiteral("stopped") };
        AccountRow row;
        row.id = keep(0);
        row.name = keep(1);
        row.owner = read.owners.number(cell(statement, 2), cellSize(statement, 2));
        row.hasArr = sqlite3_column_type(statement, 3) != SQLITE_NULL;
        row.arr = sqlite3_column_double(statement, 3);
        row.currency = read.currencies.number(cell(statement, 4), cellSize(statement, 4));
        row.renewal = read.renewals.number(cell(statement, 5), cellSize(statement, 5));
        row.hasSearch = sqlite3_column_type(statement, 6) != SQLITE_NULL;
        row.search = keep(6);
        read.rows.push_back(row);
        statuses.push_back(status(statement, 7));
    }
    if (stepped != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(db.handle())) };
    for (Column* column : { &read.owners, &read.currencies, &read.renewals, &stages, &bands, &lastActive })
        column->rankValues();
    read.rankNames();
    return {};
}

Status CustomerList::Snapshot::readStatuses(Database& db, const std::atomic_bool* stop, bool& matched)
{
    matched = false;
    Result<SqliteStatement> select = SqliteStatement::prepare(
        db.handle(),
        "SELECT a.id, s.stage, s.score, s.band, s.last_active FROM accounts a LEFT JOIN account_status s "
        "ON s.account_id = a.id ORDER BY a.rowid");
    if (!select)
        return Error { select.error() };
    sqlite3_stmt* statement = select->get();
    const std::vector<AccountRow>& rows = accounts->rows;
    statuses.reserve(rows.size());
    int stepped = SQLITE_ROW;
    while ((stepped = sqlite3_step(statement)) == SQLITE_ROW) {
        const std::size_t at = statuses.size();
        if (stop && at % 4096 == 0 && stop->load(std::memory_order_relaxed))
            return Error { QStringLiteral("stopped") };
        // The same account in the same place, or the accounts must be read again.
        if (at == rows.size()
            || accounts->text(rows[at].id) != QByteArrayView(cell(statement, 0), cellSize(statement, 0)))
            return {};
        statuses.push_back(status(statement, 1));
    }
    if (stepped != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(db.handle())) };
    if (statuses.size() != rows.size())
        return {};
    for (Column* column : { &stages, &bands, &lastActive })
        column->rankValues();
    matched = true;
    return {};
}

CustomerList::StatusRow CustomerList::Snapshot::status(sqlite3_stmt* statement, int first)
{
    StatusRow row;
    row.stage = stages.number(cell(statement, first), cellSize(statement, first));
    row.hasScore = sqlite3_column_type(statement, first + 1) != SQLITE_NULL;
    row.score = sqlite3_column_double(statement, first + 1);
    row.band = bands.number(cell(statement, first + 2), cellSize(statement, first + 2));
    row.lastActive = lastActive.number(cell(statement, first + 3), cellSize(statement, first + 3));
    return row;
}

void CustomerList::Accounts::rankNames()
{
    std::vector<quint32> byName(rows.size());
    std::iota(byName.begin(), byName.end(), 0u);
    std::sort(byName.begin(), byName.end(),
              [this](quint32 a, quint32 b) { return text(rows[a].name) < text(rows[b].name); });
    for (std::size_t place = 0; place < byName.size(); ++place) {
        const bool tie = place > 0 && text(rows[byName[place]].name) == text(rows[byName[place - 1]].name);
        rows[byName[place]].nameRank = tie ? rows[byName[place - 1]].nameRank : quint32(place);
    }
}

CustomerRow CustomerList::Snapshot::rowAt(quint32 index) const
{
    const AccountRow& row = accounts->rows[index];
    const StatusRow& status = statuses[index];
    CustomerRow shown;
    shown.id = QString::fromUtf8(accounts->text(row.id));
    shown.name = QString::fromUtf8(accounts->text(row.name));
    shown.owner = accounts->owners.text(row.owner);
    shown.stage = stages.text(status.stage);
    if (status.hasScore)
        shown.score = status.score;
    shown.band = bands.text(status.band);
    if (row.hasArr)
        shown.arr = row.arr;
    shown.currency = accounts->currencies.text(row.currency);
    shown.renewalDate = QDate::fromString(accounts->renewals.text(row.renewal), Qt::ISODate);
    shown.lastActive = QDate::fromString(lastActive.text(status.lastActive), Qt::ISODate);
    return shown;
}

Result<CustomerList::Page> CustomerList::Snapshot::search(const CustomerQuery& query, Database& db,
                                                          const QDate& today,
                                                          std::vector<quint32>& hits) const
{
    Page page;
    const std::vector<AccountRow>& rows = accounts->rows;
    const Column& owners = accounts->owners;
    const Column& renewals = accounts->renewals;

    // The filters, as CustomerQuery's WHERE has them. A value no row has matches nothing.
    QByteArray needle;
    if (query.searching()) {
        if (query.needle().isEmpty())
            return page;
        // Lower-cased by SQLite itself, as the folded texts were.
        QSqlQuery lower(db.connection());
        lower.prepare(QStringLiteral("SELECT lower(?)"));
        lower.addBindValue(query.needle());
        if (!lower.exec() || !lower.next())
            return Error { lower.lastError().text() };
        needle = lower.value(0).toString().toUtf8();
    }
    const auto wanted = [](const Column& column, const QString& value) -> std::optional<quint32> {
        return value.isEmpty() ? std::optional<quint32>(kNone) : column.find(value);
    };
    const std::optional<quint32> stage = wanted(stages, query.stage);
    const bool unscored = query.band == QLatin1String("-");
    const std::optional<quint32> band = unscored ? kNone : wanted(bands, query.band);
    const std::optional<quint32> owner = wanted(owners, query.owner);
    if (!stage || !band || !owner)
        return page;
    std::vector<char> renewalInRange; // by number: between today and today + N, as text
    if (query.renewalWithinDays) {
        const QByteArray from = today.toString(Qt::ISODate).toLatin1();
        const QByteArray to = today.addDays(*query.renewalWithinDays).toString(Qt::ISODate).toLatin1();
        renewalInRange.resize(renewals.numbers.size());
        for (quint32 n = 0; n < renewalInRange.size(); ++n)
            renewalInRange[n] = renewals.numbers.text(n) >= QByteArrayView(from)
                && renewals.numbers.text(n) <= QByteArrayView(to);
    }
    const std::string_view lookFor(needle.constData(), std::size_t(needle.size()));
    hits.clear();
    for (quint32 i = 0; i < rows.size(); ++i) {
        const AccountRow& row = rows[i];
        const StatusRow& status = statuses[i];
        if ((*stage != kNone && status.stage != *stage) || (*owner != kNone && row.owner != *owner))
            continue;
        if (unscored ? status.hasScore : (*band != kNone && status.band != *band))
            continue;
        if (query.renewalWithinDays && (row.renewal == kNone || !renewalInRange[row.renewal]))
            continue;
        if (!lookFor.empty()
            && (!row.hasSearch
                || std::string_view(accounts->bytes.data() + row.search.begin, row.search.size).find(lookFor)
                    == std::string_view::npos))
            continue;
        hits.push_back(i);
    }
    page.total = qint64(hits.size());
    if (hits.empty())
        return page;

    // The order of CustomerQuery's ORDER BY: the column (SQLite's NULL first when ascending, but
    // no score, ARR, renewal or activity last either way), then the name; the rowid last.
    const bool ascending = query.sortOrder == Qt::AscendingOrder;
    const auto ranked = [](const Column& column, quint32 number) {
        return number == kNone ? -1.0 : double(column.rank[number]);
    };
    // (missing last?, value) of a row in the sort column.
    const auto key = [&](quint32 i) -> std::pair<bool, double> {
        const AccountRow& row = rows[i];
        const StatusRow& status = statuses[i];
        switch (query.sortColumn) {
        case CustomerQuery::Column::Name:
            return { false, double(row.nameRank) };
        case CustomerQuery::Column::Owner:
            return { false, ranked(owners, row.owner) };
        case CustomerQuery::Column::Stage:
            return { false, ranked(stages, status.stage) };
        case CustomerQuery::Column::Score:
            return { !status.hasScore, status.score };
        case CustomerQuery::Column::Band:
            return { false, ranked(bands, status.band) };
        case CustomerQuery::Column::Arr:
            return { !row.hasArr, row.arr };
        case CustomerQuery::Column::Renewal:
            return { row.renewal == kNone, ranked(renewals, row.renewal) };
        case CustomerQuery::Column::LastActive:
            return { status.lastActive == kNone, ranked(lastActive, status.lastActive) };
        }
        return { false, 0 };
    };
    const bool byName = query.sortColumn != CustomerQuery::Column::Name;
    const auto before = [&](quint32 a, quint32 b) {
        const auto [missingA, valueA] = key(a);
        const auto [missingB, valueB] = key(b);
        if (missingA != missingB)
            return missingB;
        if (!missingA && valueA != valueB)
            return ascending ? valueA < valueB : valueA > valueB;
        if (byName && rows[a].nameRank != rows[b].nameRank)
            return rows[a].nameRank < rows[b].nameRank;
        return a < b;
    };
    // As SQL's LIMIT: a negative one is none.
    const std::size_t shown = query.limit < 0 ? hits.size() : std::min(hits.size(), std::size_t(query.limit));
    std::partial_sort(hits.begin(), hits.begin() + qsizetype(shown), hits.end(), before);
    page.rows.reserve(qsizetype(shown));
    for (std::size_t i = 0; i < shown; ++i)
        page.rows.append(rowAt(hits[i]));
    if (Status trends = CustomerQuery::addTrends(db, today, page.rows); !trends)
        return Error { trends.error() };
    return page;
}

} // namespace tenure
