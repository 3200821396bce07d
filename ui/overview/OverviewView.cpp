#include "overview/OverviewView.h"

#include "Async.h"
#include "ChartLook.h"
#include "ChartValueAxis.h"
#include "PlainText.h"
#include "domain/Money.h"
#include "overview/GettingStarted.h"
#include "store/WithWorkspace.h"
#include "store/WorkspaceSettings.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLocale>
#include <QStackedBarSeries>
#include <QStackedLayout>
#include <QTableWidget>
#include <QTimer>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

namespace tenure {

namespace {

QChartView* chartView(const QString& title, QWidget* parent)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(210);
    ChartLook::follow(chart, parent->palette());
    return view;
}

// Wider than this (in pixels), a bar's label goes on two lines: the charts are about 280 px wide
// in the default window.
constexpr int kLongLabel = 90;

// One horizontal bar per label, each in its own colour, the value in the label ("Good (203)").
// A stacked series where each set has a value in its own row only keeps the bars aligned.
void horizontalBars(QChartView* view, const QList<std::tuple<QString, double, QColor>>& bars,
                    const std::function<QString(double)>& format,
                    const std::function<QString(double, const ChartAxes::Scale&)>& axisFormat, bool counts)
{
    QChart* chart = view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis; // removeAxis() hands it back to us
    }
    auto* series = new QHorizontalStackedBarSeries;
    QStringList labels;
    double maximum = 0;
    for (qsizetype i = 0; i < bars.size(); ++i) {
        // Chart labels are rendered as HTML: stage and band names come from rule files.
        const QString label = std::get<0>(bars[i]).toHtmlEscaped();
        auto* set = new QBarSet(label);
        for (qsizetype j = 0; j < bars.size(); ++j)
            *set << (i == j ? std::get<1>(bars[i]) : 0);
        set->setColor(std::get<2>(bars[i]));
        set->setBorderColor(std::get<2>(bars[i]));
        series->append(set);
        labels << QStringLiteral("%1 (%2)").arg(label, format(std::get<1>(bars[i])).toHtmlEscaped());
        maximum = std::max(maximum, std::get<1>(bars[i]));
    }
    // Qt Charts cuts labels wider than about a third of the chart ("Normal ($528,3…",
    // "オンボーディン…"). With a long one, up to three bars put their values on a line of their
    // own; more bars have no room for two lines, and their labels take a smaller font instead.
    QFont font = chart->font();
    int widest = 0;
    for (qsizetype i = 0; i < bars.size(); ++i)
        widest = std::max(widest,
                          QFontMetrics(font).horizontalAdvance(QStringLiteral("%1 (%2)").arg(
                              std::get<0>(bars[i]), format(std::get<1>(bars[i])))));
    if (widest > kLongLabel && bars.size() <= 3) {
        for (qsizetype i = 0; i < bars.size(); ++i)
            labels[i] = QStringLiteral("%1<br>%2")
                            .arg(std::get<0>(bars[i]).toHtmlEscaped(),
                                 format(std::get<1>(bars[i])).toHtmlEscaped());
    } else if (widest > kLongLabel) {
        font.setPointSizeF(std::max(7.0, font.pointSizeF() * kLongLabel / widest));
    }
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto* categories = new QBarCategoryAxis;
    categories->append(labels);
    categories->setLabelsFont(font);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    // Few ticks: the values are in the labels already; the grid shows the proportions. Qt Charts
    // shortens a tick's label wider than the room between ticks ("2,00…" for 2,000万), so wide
    // labels take fewer ticks, by the plot's width (the view's, less the bars' labels).
    int labelsWidth = 0;
    for (const QString& label : std::as_const(labels))
        for (const QString& line : label.split(QStringLiteral("<br>")))
            labelsWidth = std::max(labelsWidth, QFontMetrics(font).horizontalAdvance(line));
    const qreal plotWidth = std::max(60, view->width() - labelsWidth - 40);
    const QFontMetrics tickMetrics(chart->font());
    const ChartAxes::Scale scale = ChartAxes::fittedScale(
        4, 2,
        [&](int ticks) {
            return counts ? ChartAxes::countScale(maximum, ticks) : ChartAxes::niceScale(0, maximum, ticks);
        },
        [&](const ChartAxes::Scale& scale) {
            int widestTick = 0;
            for (const double tick : scale.ticks())
                widestTick = std::max(widestTick, tickMetrics.horizontalAdvance(axisFormat(tick, scale)));
            // Room for each label between its neighbours' (Qt Charts pads a label's box by a few
            // pixels on each side), and half the last one's beyond the plot's right edge.
            return (scale.tickCount() - 1) * (widestTick + 24) + widestTick / 2 <= plotWidth;
        });
    auto* values = ChartAxes::valueAxis(scale, [&](double value) { return axisFormat(value, scale); });
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    // The last tick's label is centred on the plot's right edge: room for its right half.
    const int half = QFontMetrics(values->labelsFont()).horizontalAdvance(axisFormat(scale.max, scale)) / 2;
    chart->setMargins(QMargins(4, 4, std::max(4, half + 2), 4));
    ChartLook::follow(chart, view->palette());
}

// Qt Charts shortens a vertical axis's labels to "..." when the height it gives each label (the
// axis's height over its labels, less a padding above and below) is less than a line of text; a
// category axis, as ChartAxes::valueAxis makes, has one label more than ticks (an empty one at the
// top). As many ticks as the plot's height holds, six at most.
int ticksThatFit(const QChart* chart)
{
    const QList<QAbstractAxis*> vertical = chart->axes(Qt::Vertical);
    const QFontMetricsF metrics(vertical.isEmpty() ? chart->font() : vertical.first()->labelsFont());
    const qreal perLabel = metrics.height() + 10;
    return std::clamp(int(chart->plotArea().height() / perLabel) - 1, 2, 6);
}

} // namespace

OverviewView::OverviewView(QWidget* parent)
    : QWidget(parent)
    , m_bands(chartView(tr("Accounts by band"), this))
    , m_stages(chartView(tr("Accounts by stage"), this))
    , m_arr(chartView(tr("ARR by band"), this))
    , m_health(chartView(tr("Portfolio health, last 12 months"), this))
    , m_drops(new QTableWidget(0, 4, this))
    , m_start(new GettingStarted(this))
{
    setObjectName(QStringLiteral("OverviewView"));
    m_mine = PlainText::label(new QLabel(this)); // member, band and currency names as written
    m_mine->setObjectName(QStringLiteral("mine"));
    m_mine->hide();
    m_health->chart()->legend()->show();
    m_health->chart()->legend()->setAlignment(Qt::AlignBottom);
    // Resized, the ARR chart's ticks are chosen again for its width (its labels are the widest).
    m_arr->installEventFilter(this);
    // Resized, the chart's axis takes as many ticks as show whole (after the layout settles).
    connect(m_health->chart(), &QChart::plotAreaChanged, this, &OverviewView::fitHealthAxis,
            Qt::QueuedConnection);
    m_drops->setObjectName(QStringLiteral("drops"));
    // Short headers leave the room to the names (the title says over how long): "Then" for the
    // score 30 days ago, which its tooltip says.
    m_drops->setHorizontalHeaderLabels({ tr("Customer"), tr("Then"), tr("Now"), tr("Change") });
    m_drops->horizontalHeaderItem(1)->setToolTip(tr("The score 30 days ago"));
    m_drops->verticalHeader()->hide();
    m_drops->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_drops->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_drops->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_drops->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    // One line per customer: a long name elides, its tooltip has it whole.
    m_drops->setWordWrap(false);
    m_drops->setTextElideMode(Qt::ElideRight);
    connect(m_drops, &QTableWidget::cellActivated, this, [this](int row, int) {
        emit customerActivated(m_drops->item(row, 0)->data(Qt::UserRole).toString());
    });
    auto* drops = new QWidget(this);
    auto* dropsLayout = new QVBoxLayout(drops);
    dropsLayout->setContentsMargins(0, 0, 0, 0);
    dropsLayout->addWidget(new QLabel(tr("<b>Biggest score drops, last 30 days</b>"), drops));
    dropsLayout->addWidget(m_drops);

    // A portfolio in dollars and yen: its ARR in one currency at a time.
    m_currencyRow = new QWidget(this);
    auto* currencyLayout = new QHBoxLayout(m_currencyRow);
    currencyLayout->setContentsMargins(0, 0, 0, 0);
    m_currency = new QComboBox(m_currencyRow);
    m_currency->setObjectName(QStringLiteral("currency"));
    auto* currencyLabel = new QLabel(tr("ARR in:"), m_currencyRow);
    currencyLabel->setBuddy(m_currency);
    currencyLayout->addStretch();
    currencyLayout->addWidget(currencyLabel);
    currencyLayout->addWidget(m_currency);
    m_currencyRow->hide();
    connect(m_currency, &QComboBox::activated, this,
            [this] { showArr(m_currency->currentData().toString()); });

    auto* charts = new QWidget(this);
    auto* grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_mine, 0, 0, 1, 2);
    grid->addWidget(m_currencyRow, 0, 2);
    grid->addWidget(m_bands, 1, 0);
    grid->addWidget(m_stages, 1, 1);
    grid->addWidget(m_arr, 1, 2);
    grid->addWidget(m_health, 2, 0, 1, 2);
    grid->addWidget(drops, 2, 2);
    for (int column = 0; column < 3; ++column)
        grid->setColumnStretch(column, 1);
    // The charts, or in their place, while the workspace has no customers, how to fill it.
    m_pages = new QStackedLayout(this);
    m_pages->addWidget(charts);
    m_pages->addWidget(m_start);
    connect(&m_loading, &QFutureWatcherBase::finished, this, [this] {
        if (std::exchange(m_reload, false)) { // superseded (another workspace, newer data): read again
            refresh();
            return;
        }
        const Result<Data> data = m_loading.result();
        if (data)
            display(data.value());
        emit loaded();
    });
}

OverviewView::~OverviewView()
{
    m_loading.waitForFinished();
}

void OverviewView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        for (QChartView* view : { m_bands, m_stages, m_arr, m_health })
            ChartLook::follow(view->chart(), palette());
    }
    QWidget::changeEvent(event);
}

bool OverviewView::eventFilter(QObject* watched, QEvent* event)
{
    // The ARR chart again at its new width, once the resizes settle (the bars are three).
    if (watched == m_arr && event->type() == QEvent::Resize && !m_portfolio.rules.bands.isEmpty()
        && !m_arrRefit) {
        m_arrRefit = true;
        QTimer::singleShot(0, this, [this] {
            m_arrRefit = false;
            showArr(m_currency->currentData().toString());
        });
    }
    return QWidget::eventFilter(watched, event);
}

void OverviewView::setWorkspace(const QString& path)
{
    if (path != m_path)
        m_currency->clear(); // another workspace starts with its own main currency
    m_path = path;
    refresh();
}

void OverviewView::setMember(const QString& member)
{
    m_member = member;
    m_mine->setVisible(!member.isEmpty());
    m_mine->clear();
}

QString OverviewView::teamSummary() const
{
    return m_mine->text();
}

void OverviewView::refresh()
{
    if (m_path.isEmpty())
        return;
    if (m_loading.isRunning()) {
        m_reload = true; // when this one lands
        return;
    }
    const QString path = m_path;
    m_loading.setFuture(QtConcurrent::run(workPool(), [path, member = m_member] {
        return withWorkspace(path, Database::Mode::ReadOnly, [&member](Database& db) -> Result<Data> {
            const QDate today = WorkspaceSettings(db).today();
            Result<PortfolioReport> portfolio = PortfolioReport::load(db, today);
            if (!portfolio)
                return Error { portfolio.error() };
            Result<PortfolioTrends> trends = PortfolioTrends::load(db, today);
            if (!trends)
                return Error { trends.error() };
            Data data { std::move(portfolio).value(), std::move(trends).value(), std::nullopt };
            if (!member.isEmpty()) {
                Result<PortfolioReport> mine = PortfolioReport::load(db, today, member);
                if (!mine)
                    return Error { mine.error() };
                data.mine = std::move(mine).value();
            }
            return data;
        });
    }));
}

QString OverviewView::summary(const PortfolioReport& report)
{
    const QLocale locale;
    QStringList parts { tr("%n accounts", nullptr, int(report.rows.size())) };
    for (const Band& band : report.rules.bands)
        parts << tr("%1 %2").arg(band.name, locale.toString(report.accountsByBand.value(band.name)));
    if (!report.currency.isEmpty())
        parts << tr("ARR at risk %1").arg(formatMoney(report.arrAtRisk(report.currency), report.currency));
    return parts.join(QStringLiteral(" · "));
}

void OverviewView::display(const Data& data)
{
    // Both, in a team: the member's own accounts first, then the team's (the charts below).
    if (data.mine)
        m_mine->setText(
            tr("My accounts (%1): %2\nTeam: %3").arg(m_member, summary(*data.mine), summary(data.portfolio)));
    const PortfolioReport& portfolio = data.portfolio;
    m_pages->setCurrentWidget(portfolio.rows.isEmpty() ? static_cast<QWidget*>(m_start) : m_pages->widget(0));
    QList<std::tuple<QString, double, QColor>> bands, stages;
    for (const Band& band : portfolio.rules.bands)
        bands.append({ band.name, double(portfolio.accountsByBand.value(band.name)), QColor(band.color) });
    for (const Stage& stage : portfolio.rules.stages)
        if (portfolio.accountsByStage.value(stage.id) > 0)
            stages.append(
                { stage.name, double(portfolio.accountsByStage.value(stage.id)), QColor(stage.color) });
    const QLocale locale;
    auto count = [&locale](double value) { return locale.toString(qint64(value)); };
    auto countTick
        = [](double value, const ChartAxes::Scale& scale) { return ChartAxes::tickLabel(value, scale); };
    horizontalBars(m_bands, bands, count, countTick, true);
    horizontalBars(m_stages, stages, count, countTick, true);
    // The currency chosen before, while the portfolio still has it; else the one of most accounts.
    m_portfolio = portfolio;
    const QString chosen = m_currency->currentData().toString();
    const QStringList currencies = portfolio.arrByCurrencyAndBand.keys();
    m_currency->clear();
    for (const QString& currency : currencies)
        // ISO codes as imported (plain text in a combo box); ARR imported without one, named so.
        m_currency->addItem(currency.isEmpty() ? tr("no currency") : currency, currency);
    m_currency->setCurrentIndex(
        std::max(0, int(currencies.indexOf(currencies.contains(chosen) ? chosen : portfolio.currency))));
    m_currencyRow->setVisible(currencies.size() > 1);
    showArr(currencies.contains(chosen) ? chosen : portfolio.currency);

    // Accounts per band at each month's end, stacked.
    QChart* health = m_health->chart();
    health->removeAllSeries();
    for (QAbstractAxis* axis : health->axes()) {
        health->removeAxis(axis);
        delete axis;
    }
    auto* stacked = new QStackedBarSeries;
    QStringList months;
    for (const PortfolioTrends::Month& month : data.trends.months)
        months << QLocale().monthName(month.day.month(), QLocale::ShortFormat);
    for (const Band& band : portfolio.rules.bands) {
        auto* set = new QBarSet(band.name.toHtmlEscaped());
        for (const PortfolioTrends::Month& month : data.trends.months)
            *set << double(month.accountsByBand.value(band.name));
        set->setColor(QColor(band.color));
        set->setBorderColor(QColor(band.color));
        stacked->append(set);
    }
    health->addSeries(stacked);
    auto* axis = new QBarCategoryAxis;
    axis->append(months);
    health->addAxis(axis, Qt::AlignBottom);
    stacked->attachAxis(axis);
    // The axis fits the highest stack, with round ticks.
    double highest = 0;
    for (const PortfolioTrends::Month& month : data.trends.months) {
        double total = 0;
        for (const Band& band : portfolio.rules.bands)
            total += double(month.accountsByBand.value(band.name));
        highest = std::max(highest, total);
    }
    m_healthHighest = highest;
    m_healthStep = 0;
    fitHealthAxis();

    m_drops->setRowCount(int(data.trends.drops.size()));
    for (int row = 0; row < data.trends.drops.size(); ++row) {
        const PortfolioTrends::Drop& drop = data.trends.drops[row];
        auto* name = new QTableWidgetItem(drop.name);
        name->setData(Qt::UserRole, drop.accountId);
        name->setToolTip(PlainText::asRichText(drop.name)); // names come from imports
        m_drops->setItem(row, 0, name);
        m_drops->setItem(row, 1, new QTableWidgetItem(locale.toString(drop.before, 'f', 1)));
        m_drops->setItem(row, 2, new QTableWidgetItem(locale.toString(drop.now, 'f', 1)));
        m_drops->setItem(
            row, 3,
            new QTableWidgetItem(QStringLiteral("−") + locale.toString(drop.before - drop.now, 'f', 1)));
    }
}

void OverviewView::fitHealthAxis()
{
    QChart* health = m_health->chart();
    if (health->series().isEmpty())
        return;
    const ChartAxes::Scale scale = ChartAxes::countScale(m_healthHighest, ticksThatFit(health));
    if (scale.step == m_healthStep)
        return;
    m_healthStep = scale.step;
    for (QAbstractAxis* axis : health->axes(Qt::Vertical)) {
        health->removeAxis(axis);
        delete axis;
    }
    QValueAxis* values = ChartAxes::valueAxis(scale);
    health->addAxis(values, Qt::AlignLeft);
    health->series().first()->attachAxis(values);
    ChartLook::follow(health, m_health->palette());
}

void OverviewView::showArr(const QString& currency)
{
    QList<std::tuple<QString, double, QColor>> arr;
    for (const Band& band : m_portfolio.rules.bands)
        arr.append({ band.name, m_portfolio.arrByCurrencyAndBand.value(currency).value(band.name),
                     QColor(band.color) });
    auto money = [&currency](double value) { return formatMoney(value, currency); };
    horizontalBars(m_arr, arr, money, &ChartAxes::compactLabel, false);
    m_arr->chart()->setTitle(
        !m_portfolio.arrByCurrencyAndBand.contains(currency)
            ? tr("ARR by band: no ARR recorded")
            : tr("ARR by band (%1) · at risk %2")
                  .arg((currency.isEmpty() ? tr("no currency") : currency).toHtmlEscaped(),
                       formatMoney(m_portfolio.arrAtRisk(currency), currency).toHtmlEscaped()));
}

} // namespace tenure
