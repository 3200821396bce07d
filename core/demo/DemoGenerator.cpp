#include "demo/DemoGenerator.h"

#include "demo/DemoNames.h"
#include "demo/DemoRandom.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace tenure {

namespace {

constexpr qint64 kMsPerDay = 86400000;
constexpr qint64 kUnixEpochJulianDay = 2440588;

qint64 utcMs(const QDate& localDay, int secondsOfDay, int utcOffsetMinutes)
{
    return (localDay.toJulianDay() - kUnixEpochJulianDay) * kMsPerDay + qint64(secondsOfDay) * 1000
        - qint64(utcOffsetMinutes) * 60000;
}

// The next anniversary of `start` on or after `day`.
QDate nextAnniversary(const QDate& start, const QDate& day)
{
    QDate candidate = start;
    while (candidate < day)
        candidate = candidate.addYears(1);
    return candidate;
}

double clamp01(double value)
{
    return std::clamp(value, 0.0, 1.0);
}

} // namespace

DemoGenerator::DemoGenerator(Options options)
    : m_options(options)
{
    DemoRandom random(m_options.seed);
    for (int i = 0; i < m_options.accounts; ++i)
        planAccount(i, random);
}

QString DemoGenerator::shapeName(Shape shape)
{
    switch (shape) {
    case Shape::Healthy:
        return QStringLiteral("healthy");
    case Shape::Ramping:
        return QStringLiteral("ramping");
    case Shape::Declining:
        return QStringLiteral("declining");
    case Shape::Dormant:
        return QStringLiteral("dormant");
    case Shape::Churned:
        return QStringLiteral("churned");
    case Shape::Expanded:
        return QStringLiteral("expanded");
    case Shape::Trial:
        return QStringLiteral("trial");
    case Shape::Onboarding:
        return QStringLiteral("onboarding");
    }
    return {};
}

void DemoGenerator::planAccount(int index, DemoRandom& random)
{
    const QDate today = m_options.today;
    const QDate firstDay = today.addDays(-m_options.days);

    // Shape mix of a typical portfolio; index-driven so every shape appears in small demos too.
    static const Shape cycle[]
        = { Shape::Healthy,   Shape::Declining, Shape::Healthy,    Shape::Churned, Shape::Ramping,
            Shape::Healthy,   Shape::Expanded,  Shape::Dormant,    Shape::Healthy, Shape::Trial,
            Shape::Declining, Shape::Healthy,   Shape::Onboarding, Shape::Churned, Shape::Healthy,
            Shape::Expanded,  Shape::Ramping,   Shape::Healthy,    Shape::Dormant, Shape::Healthy };
    const Shape shape = cycle[index % std::size(cycle)];

    const bool japanese = random.chance(0.38);
    Account account;
    account.id = QStringLiteral("A-%1").arg(index + 1, 5, 10, QLatin1Char('0'));
    QSet<QString> taken;
    for (const Account& other : std::as_const(m_accounts))
        taken.insert(other.name);
    do {
        account.name = japanese ? DemoNames::japaneseCompany(random) : DemoNames::englishCompany(random);
    } while (taken.contains(account.name) && taken.size() < 2000);
    if (taken.contains(account.name))
        account.name += QStringLiteral(" %1").arg(index + 1);
    account.owner
        = japanese ? random.pick(DemoNames::japaneseOwners()) : random.pick(DemoNames::englishOwners());
    account.currency = japanese ? QStringLiteral("JPY") : QStringLiteral("USD");

    const double tierRoll = random.uniform();
    account.plan = tierRoll < 0.45 ? QStringLiteral("Basic")
        : tierRoll < 0.82          ? QStringLiteral("Pro")
                                   : QStringLiteral("Enterprise");
    int seats = account.plan == QLatin1String("Basic") ? random.between(3, 15)
        : account.plan == QLatin1String("Pro")         ? random.between(10, 45)
                                                       : random.between(40, 120);
    const double pricePerSeat = account.plan == QLatin1String("Basic") ? 240
        : account.plan == QLatin1String("Pro")                         ? 540
                                                                       : 960;

    Plan plan { shape,
                japanese ? 540 : (random.chance(0.7) ? -300 : 60),
                firstDay,
                today.addDays(-1),
                {},
                0,
                random.chance(shape == Shape::Healthy || shape == Shape::Expanded ? 0.7 : 0.4) };

    switch (shape) {
    case Shape::Trial:
        account.signupDate = today.addDays(-random.between(3, 28));
        account.plan = QStringLiteral("Trial");
        seats = random.between(3, 12);
        account.renewalDate = account.signupDate.addDays(30); // trial end
        account.attributes.insert(QStringLiteral("is_trial"), true);
        break;
    case Shape::Onboarding:
        account.signupDate = today.addDays(-random.between(10, 58));
        account.renewalDate = account.signupDate.addYears(1);
        break;
    case Shape::Ramping:
        account.signupDate = today.addDays(-random.between(120, 240));
        account.renewalDate = account.signupDate.addYears(1);
        break;
    default:
        account.signupDate = today.addDays(-random.between(400, 1500));
        account.renewalDate = nextAnniversary(account.signupDate, today);
        break;
    }
    plan.activeFrom = std::max(firstDay, account.signupDate);

    const double arrFactor = japanese ? 150.0 : 1.0; // JPY per USD, roughly
    auto arrFor
        = [&](int seatCount) { return std::round(seatCount * pricePerSeat * arrFactor / 100.0) * 100.0; };

    Outcome base;
    base.accountId = account.id;
    base.source = QString::fromLatin1(kSource);
    if (shape == Shape::Churned) {
        plan.activeUntil = today.addDays(-random.between(20, 200));
        plan.changeDay = plan.activeUntil.addDays(-random.between(45, 100));
        account.renewalDate = plan.activeUntil;
        Outcome churn = base;
        churn.kind = Outcome::Kind::Churned;
        churn.date = plan.activeUntil;
        churn.amount = arrFor(seats);
        churn.note = random.pick(
            QStringList { QStringLiteral("switched to competitor"), QStringLiteral("budget cuts"),
                          QStringLiteral("missing features"), QStringLiteral("champion left") });
        churn.externalId = account.id + QStringLiteral("-churned");
        m_outcomes.append(churn);
    } else if (shape == Shape::Dormant) {
        plan.activeUntil = today.addDays(-random.between(45, 150));
    } else if (shape == Shape::Declining) {
        plan.changeDay = today.addDays(-random.between(60, 150));
    } else if (shape == Shape::Expanded) {
        plan.changeDay = today.addDays(-random.between(30, 150));
        const int added = std::max(2, seats / 3);
        Outcome expansion = base;
        expansion.kind = Outcome::Kind::Expanded;
        expansion.date = plan.changeDay;
        expansion.amount = arrFor(added);
        expansion.note = QStringLiteral("+%1 seats").arg(added);
        expansion.externalId = account.id + QStringLiteral("-expanded");
        m_outcomes.append(expansion);
        seats += added;
    }

    // Last year's renewal, for accounts old enough to have had one inside the window.
    const QDate lastRenewal = account.renewalDate.isValid() ? account.renewalDate.addYears(-1) : QDate();
    if (shape != Shape::Trial && shape != Shape::Churned && lastRenewal.isValid() && lastRenewal >= firstDay
        && lastRenewal < today && lastRenewal > account.signupDate) {
        Outcome renewal = base;
        renewal.kind = shape == Shape::Declining && random.chance(0.5) ? Outcome::Kind::Contracted
                                                                       : Outcome::Kind::Renewed;
        renewal.date = lastRenewal;
        renewal.amount = arrFor(seats);
        renewal.externalId = account.id + QStringLiteral("-") + Outcome::kindName(renewal.kind)
            + lastRenewal.toString(QStringLiteral("-yyyy"));
        m_outcomes.append(renewal);
    }

    account.seats = seats;
    account.arr = shape == Shape::Trial ? 0.0 : arrFor(seats);
    account.attributes.insert(QStringLiteral("industry"), random.pick(DemoNames::industries()));
    // The story the demo tells about this account, for exploring and tuning the rules.
    account.attributes.insert(QStringLiteral("demo_shape"), shapeName(shape));
    account.attributes.insert(
        QStringLiteral("country"),
        japanese ? QStringLiteral("JP")
                 : (plan.utcOffsetMinutes < 0 ? QStringLiteral("US") : QStringLiteral("DE")));
    plan.users = seats;
    m_accounts.append(account);
    m_plans.append(plan);
}

double DemoGenerator::activity(const Plan& plan, const QDate& day, DemoRandom& random) const
{
    if (day < plan.activeFrom || day > plan.activeUntil)
        return 0.0;
    const double sinceStart = double(plan.activeFrom.daysTo(day));
    const double noise = random.between(0.85, 1.15);
    switch (plan.shape) {
    case Shape::Healthy:
        return 0.75 * noise;
    case Shape::Ramping:
    case Shape::Onboarding:
    case Shape::Trial:
        return clamp01(0.15 + 0.7 * std::min(1.0, sinceStart / 120.0)) * noise;
    case Shape::Declining:
    case Shape::Churned: {
        if (day < plan.changeDay)
            return 0.7 * noise;
        const double span = std::max<qint64>(1, plan.changeDay.daysTo(plan.activeUntil));
        return clamp01(0.7 - 0.6 * double(plan.changeDay.daysTo(day)) / span) * noise;
    }
    case Shape::Dormant:
        return 0.6 * noise;
    case Shape::Expanded:
        return (day < plan.changeDay ? 0.7 : 0.9) * noise;
    }
    return 0;
}

QList<Event> DemoGenerator::eventsFor(qsizetype accountIndex) const
{
    const Account& account = m_accounts.at(accountIndex);
    const Plan& plan = m_plans.at(accountIndex);
    DemoRandom random(DemoRandom::mix(m_options.seed, std::uint64_t(accountIndex) + 1));
    const QString source = QString::fromLatin1(kSource);
    const bool apiPlan = account.plan == QLatin1String("Pro") || account.plan == QLatin1String("Enterprise");
    const int preExpansionUsers = plan.shape == Shape::Expanded ? plan.users * 3 / 4 : plan.users;

    QList<Event> events;
    qint64 counter = 0;
    auto add = [&](const QDate& day, const QString& userId, const QString& name, double quantity,
                   const QByteArray& properties = {}) {
        Event event;
        event.source = source;
        event.externalId = account.id + QLatin1Char('-') + QString::number(++counter, 36);
        event.accountId = account.id;
        event.userId = userId;
        event.name = name;
        event.occurredAt = utcMs(day, random.between(8 * 3600, 19 * 3600), plan.utcOffsetMinutes);
        event.quantity = quantity;
        event.properties = properties;
        events.append(std::move(event));
    };

    const QDate firstDay = m_options.today.addDays(-m_options.days);
    for (QDate day = firstDay; day < m_options.today; day = day.addDays(1)) {
        if (plan.shape == Shape::Dormant && day > plan.activeUntil) {
            // Gone quiet: now and then somebody still signs in, and that is all.
            if (random.chance(0.03))
                add(day, QStringLiteral("%1:u1").arg(account.id), QStringLiteral("login"), 1);
            continue;
        }
        const double level = activity(plan, day, random);
        if (level <= 0)
            continue;
        const bool weekend = day.dayOfWeek() >= 6;
        const int pool = plan.changeDay.isValid() && plan.shape == Shape::Expanded && day < plan.changeDay
            ? preExpansionUsers
            : plan.users;
        // Small teams sign in with a larger share of their seats than big ones.
        const double dailyShare = std::min(0.8, 0.2 + 1.0 / pool);
        const int activeUsers
            = std::min(pool, random.poisson(pool * dailyShare * level * (weekend ? 0.1 : 1.0)));
        const int firstUser = random.between(0, std::max(0, pool - 1));
        for (int u = 0; u < activeUsers; ++u) {
            const QString user = QStringLiteral("%1:u%2").arg(account.id).arg((firstUser + u) % pool + 1);
            add(day, user, QStringLiteral("login"), 1);
            if (random.chance(0.6))
                add(day, user, QStringLiteral("dashboard_viewed"), random.between(1, 6));
            if (random.chance(0.25 * level + 0.05))
                add(day, user, QStringLiteral("report_created"), random.between(1, 3),
                    random.chance(0.5) ? QByteArrayLiteral(R"({"format":"pdf"})")
                                       : QByteArrayLiteral(R"({"format":"xlsx"})"));
            if (random.chance(0.06))
                add(day, user, QStringLiteral("export_csv"), 1);
        }
        if (plan.activeFrom.daysTo(day) < 30 && random.chance(0.5))
            add(day, QStringLiteral("%1:u1").arg(account.id), QStringLiteral("invite_sent"),
                random.between(1, 4));
        if (plan.integrated && !weekend && level > 0.1)
            add(day, {}, QStringLiteral("integration_sync"), random.between(12, 24));
        if (apiPlan && level > 0.1 && !weekend)
            add(day, {}, QStringLiteral("api_call"), std::round(pool * level * random.between(10.0, 30.0)));
        const bool troubled = plan.shape == Shape::Declining || plan.shape == Shape::Churned;
        if (random.chance(troubled && day >= plan.changeDay ? 0.05 : 0.01))
            add(day, QStringLiteral("%1:u%2").arg(account.id).arg(random.between(1, pool)),
                QStringLiteral("support_ticket"), 1,
                random.chance(0.3) ? QByteArrayLiteral(R"({"priority":"high"})")
                                   : QByteArrayLiteral(R"({"priority":"normal"})"));
    }
    return events;
}

} // namespace tenure
