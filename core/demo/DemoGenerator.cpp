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

// How much of the usual activity happens on a public-holiday or summer-holiday day where the
// customer works (Japan: New Year, Golden Week, Obon; the US and Germany: Christmas; Germany:
// August). Dips like these are the noise a "compare with the month before" rule must live with.
double holidayFactor(const QDate& day, int utcOffsetMinutes)
{
    const int m = day.month();
    const int d = day.day();
    if ((m == 12 && d >= 24) || (m == 1 && d <= 3))
        return 0.2;
    if (utcOffsetMinutes == 540) // Japan
        return (m == 4 && d >= 29) || (m == 5 && d <= 5) || (m == 8 && d >= 13 && d <= 16) ? 0.15 : 1.0;
    if (utcOffsetMinutes == 60 && m == 8) // Germany
        return 0.6;
    return 1.0;
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
    // Outcomes fall from the fifth month of the log on, so that a backtest up to 90 days ahead
    // scores every one of them on at least a month of events.
    const int outcomeSpan = std::max(1, m_options.days - std::min(120, m_options.days / 3));
    const QDate outcomesFrom = today.addDays(-outcomeSpan);

    // Shape mix of a typical portfolio; index-driven so every shape appears in small demos too.
    static const Shape cycle[]
        = { Shape::Healthy,  Shape::Churned,   Shape::Healthy,    Shape::Declining, Shape::Ramping,
            Shape::Healthy,  Shape::Expanded,  Shape::Churned,    Shape::Healthy,   Shape::Trial,
            Shape::Dormant,  Shape::Churned,   Shape::Onboarding, Shape::Healthy,   Shape::Healthy,
            Shape::Expanded, Shape::Declining, Shape::Churned,    Shape::Ramping,   Shape::Healthy };
    const Shape shape = cycle[index % std::size(cycle)];

    const bool japanese = random.chance(0.38);
    Account account;
    account.id = QStringLiteral("A-%1").arg(index + 1, 5, 10, QLatin1Char('0'));
    // A name of its own while one is left to draw (the Japanese list makes 640 names, the English
    // one 3,024); past 2,000 accounts, or after 500 tries, the number tells two apart.
    int tries = 0;
    do {
        account.name = japanese ? DemoNames::japaneseCompany(random) : DemoNames::englishCompany(random);
    } while (m_names.contains(account.name) && m_names.size() < 2000 && ++tries < 500);
    if (m_names.contains(account.name))
        account.name += QStringLiteral(" %1").arg(index + 1);
    m_names.insert(account.name);
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

    Plan plan {};
    plan.shape = shape;
    plan.utcOffsetMinutes = japanese ? 540 : (random.chance(0.7) ? -300 : 60);
    plan.activeFrom = firstDay;
    plan.activeUntil = today.addDays(-1);
    plan.integrated = random.chance(shape == Shape::Healthy || shape == Shape::Expanded ? 0.7 : 0.4);
    // Most teams use most of their seats; some run steadily on a few and renew all the same.
    plan.adoption = random.chance(0.2) ? random.between(0.3, 0.5) : random.between(0.5, 0.95);
    plan.floor = 1.0;
    plan.fadeDays = 30;
    plan.complains = random.chance(0.65);

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
    case Shape::Churned: {
        // Churn comes at the end of a contract: the renewal that did not happen.
        const QDate churn = outcomesFrom.addDays(random.between(0, outcomeSpan - 1));
        account.signupDate = churn.addYears(-random.between(1, 4));
        account.renewalDate = churn;
        break;
    }
    default:
        account.signupDate = today.addDays(-random.between(400, 1500));
        account.renewalDate = nextAnniversary(account.signupDate, today);
        break;
    }
    plan.activeFrom = std::max(firstDay, account.signupDate);
    plan.seats = seats;
    plan.engagement = std::min(0.8, random.between(0.18, 0.4) + 1.0 / seats);

    const double arrFactor = japanese ? 150.0 : 1.0; // JPY per USD, roughly
    auto arrFor
        = [&](int seatCount) { return std::round(seatCount * pricePerSeat * arrFactor / 100.0) * 100.0; };

    Outcome base;
    base.accountId = account.id;
    base.source = QString::fromLatin1(kSource);
    if (shape == Shape::Churned) {
        const QDate churn = account.renewalDate;
        const double story = random.uniform();
        QString reason;
        if (story < 0.1) {
            // Nothing in the product foretells it: the budget went, or a buyer consolidated tools.
            plan.activeUntil = churn.addDays(-random.between(0, 3));
            reason = random.chance(0.5) ? QStringLiteral("budget cuts")
                                        : QStringLiteral("acquired; moved to the parent's tool");
        } else {
            // Fading: a few for some weeks before the end, most for four months or more.
            const int lead = story < 0.2 ? random.between(20, 90) : random.between(120, 300);
            plan.changeDay = churn.addDays(-lead);
            const bool abrupt = random.chance(0.3); // the champion left; the team stopped at once
            plan.fadeDays = abrupt ? random.between(4.0, 12.0) : random.between(15.0, 50.0);
            plan.floor = abrupt ? random.between(0.0, 0.1) : random.between(0.05, 0.25);
            // Some stop using the product well before the contract runs out.
            const int quietEnd = random.chance(0.3) ? random.between(20, 120) : random.between(0, 3);
            plan.activeUntil = std::max(plan.changeDay.addDays(10), churn.addDays(-quietEnd));
            reason = abrupt ? QStringLiteral("champion left")
                            : random.pick(QStringList { QStringLiteral("switched to competitor"),
                                                        QStringLiteral("missing features"),
                                                        QStringLiteral("low adoption") });
        }
        Outcome churned = base;
        churned.kind = Outcome::Kind::Churned;
        churned.date = churn;
        churned.amount = arrFor(seats);
        churned.note = reason;
        churned.externalId = account.id + QStringLiteral("-churned");
        m_outcomes.append(churned);
    } else if (shape == Shape::Dormant) {
        // Gone quiet, contract still running.
        plan.changeDay = today.addDays(-random.between(70, 160));
        plan.fadeDays = random.between(10.0, 25.0);
        plan.floor = 0.2;
        plan.activeUntil = std::min(today.addDays(-35), plan.changeDay.addDays(random.between(15, 60)));
    } else if (shape == Shape::Declining) {
        // Fading, but not gone: some of these renew, some will not.
        plan.changeDay = today.addDays(-random.between(60, 280));
        plan.fadeDays = random.between(20.0, 60.0);
        plan.floor = random.between(0.3, 0.6);
    } else if (shape == Shape::Expanded) {
        // The team grows into its seats, then buys more.
        plan.adoption = random.between(0.5, 0.75);
        plan.expansionDay = outcomesFrom.addDays(random.between(0, std::max(0, outcomeSpan - 10)));
        plan.changeDay = plan.expansionDay.addDays(-random.between(45, 120));
        plan.addedSeats = std::max(2, seats / 3);
        Outcome expansion = base;
        expansion.kind = Outcome::Kind::Expanded;
        expansion.date = plan.expansionDay;
        expansion.amount = arrFor(plan.addedSeats);
        expansion.note = QStringLiteral("+%1 seats").arg(plan.addedSeats);
        expansion.externalId = account.id + QStringLiteral("-expanded");
        m_outcomes.append(expansion);
        seats += plan.addedSeats;
    }

    // Last year's renewal, for accounts old enough to have had one while the log ran.
    const QDate lastRenewal = account.renewalDate.isValid() ? account.renewalDate.addYears(-1) : QDate();
    if (shape != Shape::Trial && shape != Shape::Churned && lastRenewal.isValid()
        && lastRenewal >= outcomesFrom && lastRenewal < today && lastRenewal > account.signupDate) {
        Outcome renewal = base;
        const bool fading = shape == Shape::Declining && lastRenewal > plan.changeDay;
        renewal.kind = fading && random.chance(0.5) ? Outcome::Kind::Contracted : Outcome::Kind::Renewed;
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
    m_accounts.append(account);
    m_plans.append(plan);
}

double DemoGenerator::health(const Plan& plan, const QDate& day)
{
    if (day < plan.activeFrom || day > plan.activeUntil)
        return 0.0;
    switch (plan.shape) {
    case Shape::Ramping:
    case Shape::Onboarding:
    case Shape::Trial:
        return 0.35 + 0.65 * std::min(1.0, double(plan.activeFrom.daysTo(day)) / 90.0);
    case Shape::Churned:
    case Shape::Declining:
    case Shape::Dormant:
        if (!plan.changeDay.isValid() || day < plan.changeDay)
            return 1.0;
        return plan.floor
            + (1.0 - plan.floor) * std::exp(-double(plan.changeDay.daysTo(day)) / plan.fadeDays);
    case Shape::Healthy:
    case Shape::Expanded:
        return 1.0;
    }
    return 1.0;
}

int DemoGenerator::usersOn(const Plan& plan, const QDate& day, double health)
{
    double used = plan.seats * plan.adoption;
    if (plan.shape == Shape::Expanded && day >= plan.changeDay) {
        // Seat use grows to every seat by the expansion, then into the new ones.
        const double full = plan.seats;
        if (day < plan.expansionDay) {
            const double span = std::max<qint64>(1, plan.changeDay.daysTo(plan.expansionDay));
            used += (full - used) * double(plan.changeDay.daysTo(day)) / span;
        } else {
            const double after = 0.85 * (plan.seats + plan.addedSeats);
            used = full + (after - full) * std::min(1.0, double(plan.expansionDay.daysTo(day)) / 60.0);
        }
    } else {
        used *= health; // a fading team leaves seats unused
    }
    return std::max(1, int(std::lround(used)));
}

QList<Event> DemoGenerator::eventsFor(qsizetype accountIndex) const
{
    const Account& account = m_accounts.at(accountIndex);
    const Plan& plan = m_plans.at(accountIndex);
    DemoRandom random(DemoRandom::mix(m_options.seed, std::uint64_t(accountIndex) + 1));
    const QString source = QString::fromLatin1(kSource);
    const bool apiPlan = account.plan == QLatin1String("Pro") || account.plan == QLatin1String("Enterprise");

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
    auto user = [&](int n) { return QStringLiteral("%1:u%2").arg(account.id).arg(n); };

    const QDate firstDay = m_options.today.addDays(-m_options.days);
    const bool signedUpInLog = plan.activeFrom > firstDay;
    for (QDate day = firstDay; day < m_options.today; day = day.addDays(1)) {
        if (plan.shape == Shape::Dormant && day > plan.activeUntil) {
            // Gone quiet: now and then somebody still signs in, and that is all.
            if (random.chance(0.03))
                add(day, user(1), QStringLiteral("login"), 1);
            continue;
        }
        const double level = health(plan, day);
        if (level <= 0)
            continue;
        const bool weekend = day.dayOfWeek() >= 6;
        const double present = holidayFactor(day, plan.utcOffsetMinutes) * (weekend ? 0.08 : 1.0);
        const int users = usersOn(plan, day, level);
        // Those still using it sign in less often as the account fades.
        const double signIn = std::min(0.95, plan.engagement * (0.4 + 0.6 * level) * present);
        for (int u = 1; u <= users; ++u) {
            if (!random.chance(signIn))
                continue;
            add(day, user(u), QStringLiteral("login"), 1);
            if (random.chance(0.6))
                add(day, user(u), QStringLiteral("dashboard_viewed"), random.between(1, 6));
            if (random.chance(0.2 * level + 0.05))
                add(day, user(u), QStringLiteral("report_created"), random.between(1, 3),
                    random.chance(0.5) ? QByteArrayLiteral(R"({"format":"pdf"})")
                                       : QByteArrayLiteral(R"({"format":"xlsx"})"));
            if (random.chance(0.06))
                add(day, user(u), QStringLiteral("export_csv"), 1);
        }
        const bool growing
            = plan.shape == Shape::Expanded && day >= plan.changeDay && day < plan.expansionDay.addDays(60);
        const bool newTeam = signedUpInLog && plan.activeFrom.daysTo(day) < 30;
        if (!weekend && random.chance(newTeam ? 0.5 : growing ? 0.15 : 0.01))
            add(day, user(1), QStringLiteral("invite_sent"), random.between(1, newTeam ? 4 : 2));
        if (plan.integrated && !weekend && level > 0.25)
            add(day, {}, QStringLiteral("integration_sync"), random.between(12, 24));
        if (apiPlan && level > 0.1 && !weekend)
            add(day, {}, QStringLiteral("api_call"), std::round(users * level * random.between(10.0, 30.0)));

        // Tickets: a few for every team, more for big ones, and many from a team that struggles
        // (until it gives up and goes quiet). Now and then an incident brings several at once.
        double tickets = 0.004 + 0.0006 * plan.seats;
        if (plan.complains && plan.changeDay.isValid() && day >= plan.changeDay
            && plan.shape != Shape::Expanded)
            tickets += 0.2 * (1.0 - level) * (level > 0.2 ? 1.0 : 0.3);
        const int count = random.chance(weekend ? tickets * 0.2 : tickets) ? 1
            : random.chance(weekend ? 0.0 : 0.003)                         ? random.between(2, 4)
                                                                           : 0;
        for (int t = 0; t < count; ++t)
            add(day, user(random.between(1, users)), QStringLiteral("support_ticket"), 1,
                random.chance(0.3) ? QByteArrayLiteral(R"({"priority":"high"})")
                                   : QByteArrayLiteral(R"({"priority":"normal"})"));
    }
    return events;
}

} // namespace tenure
